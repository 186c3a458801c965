namespace LogoutModule.Core.Shared;

/// <summary>Permission bits (e.g. 0600) as an int, so callers need no platform types.</summary>
public readonly struct UnixMode
{
    public UnixMode(int bits) => Bits = bits & 0x1FF;
    public int Bits { get; }
    public override string ToString() => Convert.ToString(Bits, 8).PadLeft(3, '0');
    public static readonly UnixMode OwnerReadWrite = new(0x180); // 0600
}
