#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 compile init-only setters (the compiler only needs the type to exist).</summary>
internal static class IsExternalInit
{
}
#endif
