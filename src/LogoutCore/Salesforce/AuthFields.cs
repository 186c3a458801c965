using System.Text;
using System.Text.Json;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Salesforce;

/// <summary>
/// The fields of one auth file that a listing uses (sf's AuthFields type, @salesforce/core org/authInfo.ts),
/// read in one pass over the file's UTF-8 text without building a JSON tree: a listing reads every auth file, and the
/// tree cost more than reading the file itself. Values are as JSON.parse gives them: a name that occurs twice keeps
/// its last value. Secrets are never copied out: each is lent to a SecretCheck while the text is read.
/// </summary>
internal sealed class AuthFields
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };
    // One UTF-8 encoder that refuses lone surrogates, as JsonDocument.Parse(string) does with such text.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Most orgs of a home share a login URL, and scratch orgs a dev hub: the value read last on this thread is reused when
    // the bytes match, so a listing of 10,000 orgs does not keep 10,000 copies of https://login.salesforce.com.
    [ThreadStatic] private static RecentString? t_loginUrl;
    [ThreadStatic] private static RecentString? t_devHubUsername;

    private List<string>? _clientApps;
    private readonly SecretCheck? _check;

    private AuthFields(SecretCheck? check) => _check = check;

    /// <summary>Each string field: the value when it is a JSON string, else null.</summary>
    public string? Username { get; private set; }
    public string? OrgId { get; private set; }
    public string? InstanceUrl { get; private set; }
    public string? LoginUrl { get; private set; }
    public string? DevHubUsername { get; private set; }
    public string? ExpirationDate { get; private set; }
    public string? TrailExpirationDate { get; private set; }

    /// <summary>Each: whether the field is a non-empty string (its value is not kept).</summary>
    public bool HasPrivateKey { get; private set; }
    public bool HasPassword { get; private set; }
    public bool HasRefreshToken { get; private set; }

    /// <summary>Each flag: true only for JSON <c>true</c>, as sf's truthiness checks of these fields read them.</summary>
    public bool IsDevHub { get; private set; }
    public bool IsScratch { get; private set; }
    public bool IsSandbox { get; private set; }

    /// <summary>The names of <c>clientApps</c>, when it is an object, in file order.</summary>
    public IReadOnlyList<string> ClientApps => (IReadOnlyList<string>?)_clientApps ?? Array.Empty<string>();

    /// <summary>
    /// Whether every secret JSON.parse keeps (a string whose name Crypto.IsSecretProperty accepts, at any depth) passed
    /// the check given to Parse; true without one.
    /// </summary>
    public bool SecretsPass { get; private set; } = true;

    /// <summary>
    /// The fields of a JSON document (UTF-8, no byte order mark), or null when its root is not an object. Throws
    /// JsonException, with its line and byte position, when the text is not JSON (as JSON.parse would reject it) or
    /// nests deeper than 64 levels. <paramref name="check"/> (if any) is given each secret, until one fails.
    /// </summary>
    public static AuthFields? Parse(ReadOnlyMemory<byte> utf8, SecretCheck? check) => Parse(utf8.Span, check, namesAreUnique: false);

    /// <summary><see cref="Parse(ReadOnlyMemory{byte}, SecretCheck)"/> of text decoded from a file that is not plain UTF-8.</summary>
    public static AuthFields? Parse(string text, SecretCheck? check) => Parse(StrictUtf8.GetBytes(text), check);

    private static AuthFields? Parse(ReadOnlySpan<byte> utf8, SecretCheck? check, bool namesAreUnique)
    {
        var fields = new AuthFields(check);
        var reader = new Utf8JsonReader(utf8, Options);
        reader.Read();
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        var names = new NameStack(utf8, namesAreUnique);
        if (isObject) fields.ReadObject(ref reader, ref names, topLevel: true);
        else reader.Skip();
        // The reader throws for anything after the root value, as JSON.parse does ("{} x").
        reader.Read();
        if (!isObject) return null;
        // Rare: a repeated name (JSON.parse keeps the last value, at the first one's place) or an escaped one, which may
        // repeat another. The one-pass reading assumed neither, so the text is read again as JSON.parse leaves it.
        return names.MayRepeat ? Parse(StrictUtf8.GetBytes(JsJson.Stringify(JsJson.Parse(utf8.ToArray()))), check, namesAreUnique: true) : fields;
    }

    /// <summary>Reads the object the reader's StartObject opens, up to its EndObject.</summary>
    private void ReadObject(ref Utf8JsonReader reader, ref NameStack names, bool topLevel, List<string>? keys = null)
    {
        var frame = names.Open();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names are compared as UTF-8: a string per name cost more than the rest of the reading.
            var name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            names.Add(ref reader, frame);
            if (keys is not null) keys.Add(reader.GetString()!);
            var field = topLevel ? FieldOf(name) : Field.Other;
            var isSecret = IsSecretName(name);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                if (isSecret && _check is not null && SecretsPass) SecretsPass = Check(ref reader, _check);
                Set(field, ref reader);
            }
            else if (reader.TokenType is JsonTokenType.True) SetFlag(field);
            else if (reader.TokenType is JsonTokenType.StartObject) ReadObject(ref reader, ref names, false, field == Field.ClientApps ? _clientApps = new List<string>() : null);
            else if (reader.TokenType is JsonTokenType.StartArray) ReadArray(ref reader, ref names);
        }
        names.Close(frame);
    }

    private void ReadArray(ref Utf8JsonReader reader, ref NameStack names)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) ReadObject(ref reader, ref names, false);
            else if (reader.TokenType == JsonTokenType.StartArray) ReadArray(ref reader, ref names);
        }
    }

    /// <summary>
    /// The names seen in each open object, as places in the text, to notice a repeated one; an escaped name counts as a
    /// possible repeat. Needless when the text comes from a JSON object, whose names are unique.
    /// </summary>
    private ref struct NameStack
    {
        // One buffer per thread, reused: a list per file was most of what a listing allocated besides the files. Each
        // name is two ints (its start and length in the text): int arrays need no generic code compiled at first use.
        [ThreadStatic] private static int[]? t_names;

        private readonly ReadOnlySpan<byte> _utf8;
        private readonly bool _unique;
        private int[] _names;
        private int _count;

        public NameStack(ReadOnlySpan<byte> utf8, bool unique)
        {
            _utf8 = utf8;
            _unique = unique;
            _names = t_names ??= new int[128];
            _count = 0;
            MayRepeat = false;
        }

        public bool MayRepeat { get; private set; }

        public int Open() => _count;

        public void Add(ref Utf8JsonReader reader, int frame)
        {
            if (_unique) return;
            if (reader.ValueIsEscaped)
            {
                MayRepeat = true;
                return;
            }
            var name = reader.ValueSpan;
            for (var index = frame; index < _count; index += 2)
                if (_utf8.Slice(_names[index], _names[index + 1]).SequenceEqual(name)) MayRepeat = true;
            if (_count + 2 > _names.Length) Array.Resize(ref t_names, _names.Length * 2);
            _names = t_names!;
            // An unescaped name's text starts one byte after its opening quote.
            _names[_count++] = (int)reader.TokenStartIndex + 1;
            _names[_count++] = name.Length;
        }

        public void Close(int frame) => _count = frame;
    }

    private enum Field
    {
        Other, Username, OrgId, InstanceUrl, LoginUrl, DevHubUsername, ExpirationDate, TrailExpirationDate, PrivateKey, Password,
        RefreshToken, IsDevHub, IsScratch, IsSandbox, ClientApps,
    }

    private static Field FieldOf(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("username"u8)) return Field.Username;
        if (name.SequenceEqual("orgId"u8)) return Field.OrgId;
        if (name.SequenceEqual("instanceUrl"u8)) return Field.InstanceUrl;
        if (name.SequenceEqual("loginUrl"u8)) return Field.LoginUrl;
        if (name.SequenceEqual("devHubUsername"u8)) return Field.DevHubUsername;
        if (name.SequenceEqual("expirationDate"u8)) return Field.ExpirationDate;
        if (name.SequenceEqual("trailExpirationDate"u8)) return Field.TrailExpirationDate;
        if (name.SequenceEqual("privateKey"u8)) return Field.PrivateKey;
        if (name.SequenceEqual("password"u8)) return Field.Password;
        if (name.SequenceEqual("refreshToken"u8)) return Field.RefreshToken;
        if (name.SequenceEqual("isDevHub"u8)) return Field.IsDevHub;
        if (name.SequenceEqual("isScratch"u8)) return Field.IsScratch;
        if (name.SequenceEqual("isSandbox"u8)) return Field.IsSandbox;
        if (name.SequenceEqual("clientApps"u8)) return Field.ClientApps;
        return Field.Other;
    }

    /// <summary>Crypto.IsSecretProperty of a UTF-8 name; an ASCII name (nearly every one) is checked without decoding it.</summary>
    private static bool IsSecretName(ReadOnlySpan<byte> name)
    {
        foreach (var b in name)
            if (b > 0x7F) return Crypto.IsSecretProperty(Encoding.UTF8.GetString(name.ToArray()));
        return ContainsAsciiIgnoreCase(name, "token"u8) || ContainsAsciiIgnoreCase(name, "password"u8) || ContainsAsciiIgnoreCase(name, "secret"u8);
    }

    /// <summary>Whether ASCII <paramref name="text"/> contains lower-case ASCII <paramref name="word"/>, letters in either case.</summary>
    private static bool ContainsAsciiIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        for (var start = 0; start + word.Length <= text.Length; start++)
        {
            var index = 0;
            while (index < word.Length && (text[start + index] | 0x20) == word[index]) index++;
            if (index == word.Length) return true;
        }
        return false;
    }

    /// <summary>Keeps a string value the listing uses; the others are not decoded.</summary>
    private void Set(Field field, ref Utf8JsonReader reader)
    {
        switch (field)
        {
            case Field.Username: Username = reader.GetString(); break;
            case Field.OrgId: OrgId = reader.GetString(); break;
            case Field.InstanceUrl: InstanceUrl = reader.GetString(); break;
            case Field.LoginUrl: LoginUrl = (t_loginUrl ??= new RecentString()).Get(ref reader); break;
            case Field.DevHubUsername: DevHubUsername = (t_devHubUsername ??= new RecentString()).Get(ref reader); break;
            case Field.ExpirationDate: ExpirationDate = reader.GetString(); break;
            case Field.TrailExpirationDate: TrailExpirationDate = reader.GetString(); break;
            // Escapes decode to at least one character, so the raw text is empty exactly when the value is.
            case Field.PrivateKey: HasPrivateKey = reader.ValueSpan.Length > 0; break;
            case Field.Password: HasPassword = reader.ValueSpan.Length > 0; break;
            case Field.RefreshToken: HasRefreshToken = reader.ValueSpan.Length > 0; break;
        }
    }

    /// <summary>
    /// The check of the string value under the reader. An ASCII value without escapes (every value sf writes) is lent
    /// as characters widened on the stack, so no token is ever copied to the heap; any other is decoded first.
    /// </summary>
    private static bool Check(ref Utf8JsonReader reader, SecretCheck check)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= 1024)
        {
            Span<char> text = stackalloc char[raw.Length];
            var ascii = true;
            for (var index = 0; index < raw.Length && ascii; index++)
            {
                ascii = raw[index] < 0x80;
                text[index] = (char)raw[index];
            }
            if (ascii) return check(text);
        }
        return check(reader.GetString().AsSpan());
    }

    /// <summary>The last string value read into one field on this thread, with its UTF-8 text.</summary>
    private sealed class RecentString
    {
        private byte[] _utf8 = Array.Empty<byte>();
        private string? _text;

        /// <summary>The string value under the reader: the last one when the text is the same, else a new one (kept when unescaped).</summary>
        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped) return reader.GetString()!;
            var raw = reader.ValueSpan;
            if (_text is not null && raw.SequenceEqual(_utf8)) return _text;
            _text = reader.GetString()!;
            _utf8 = raw.ToArray();
            return _text;
        }
    }

    private void SetFlag(Field field)
    {
        switch (field)
        {
            case Field.IsDevHub: IsDevHub = true; break;
            case Field.IsScratch: IsScratch = true; break;
            case Field.IsSandbox: IsSandbox = true; break;
        }
    }
}
