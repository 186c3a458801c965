using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>The stored login (auth.json or the keyring secret), read by codex's rules (codex-rs/login/src/auth/storage.rs).</summary>
public sealed class AuthDotJson
{
    /// <summary>codex's auth_mode spellings (camelCase); any other spelling fails to parse.</summary>
    public static readonly string[] Modes =
        { "apikey", "chatgpt", "chatgptAuthTokens", "agentIdentity", "personalAccessToken", "bedrockApiKey", "bedrockAccessKeys" };

    // The fields of codex's AuthDotJson and TokenData (codex-rs/login/src/auth/storage.rs, token_data.rs).
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
        { "auth_mode", "OPENAI_API_KEY", "tokens", "last_refresh", "id_token", "access_token", "refresh_token", "account_id" };

    private AuthDotJson(string mode, string? apiKey, TokenData? tokens)
    {
        Mode = mode;
        ApiKey = apiKey;
        Tokens = tokens;
    }

    /// <summary>The resolved mode: auth_mode, or when absent "apikey" if a key is stored, else "chatgpt".</summary>
    public string Mode { get; }

    public string? ApiKey { get; }
    public TokenData? Tokens { get; }

    public bool IsChatGpt => Mode is "chatgpt" or "chatgptAuthTokens";

    /// <summary>Parses a stored record; a failure carries codex's wording after "failed to deserialize CLI auth from file: ".</summary>
    public static AuthDotJson Parse(string json)
    {
        JsonNode? root;
        try
        {
            // serde rejects a repeated known field where JSON.parse would keep the last one.
            if (JsJson.FindRepeatedMember(json, KnownFields) is { } repeated) throw Invalid($"duplicate field `{repeated}`");
            root = JsJson.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CodexAuthFormatException(e.Message);
        }
        if (root is not JsonObject record) throw Invalid("the record is not a JSON object");

        var apiKey = OptionalString(record, "OPENAI_API_KEY");
        string mode;
        if (record["auth_mode"] is null) mode = apiKey is not null ? "apikey" : "chatgpt";
        else if (JsJson.AsString(record["auth_mode"]) is { } stated && Array.IndexOf(Modes, stated) >= 0) mode = stated;
        else throw Invalid("unknown auth_mode");

        TokenData? tokens = null;
        if (record["tokens"] is JsonObject tokenObject)
        {
            tokens = new TokenData(
                RequiredString(tokenObject, "id_token"),
                RequiredString(tokenObject, "access_token"),
                RequiredString(tokenObject, "refresh_token"),
                OptionalString(tokenObject, "account_id"));
            if (tokens.IdToken.Split('.').Length != 3) throw Invalid("id_token is not a JWT");
        }
        else if (record["tokens"] is not null)
        {
            throw Invalid("tokens is not an object");
        }
        return new AuthDotJson(mode, apiKey, tokens);
    }

    private static string? OptionalString(JsonObject record, string name)
    {
        var node = record[name];
        if (node is null) return null;
        return JsJson.AsString(node) ?? throw Invalid($"{name} is not a string");
    }

    private static string RequiredString(JsonObject record, string name)
        => OptionalString(record, name) ?? throw Invalid($"missing {name}");

    private static CodexAuthFormatException Invalid(string detail) => new($"invalid credential JSON ({detail})");

    /// <summary>codex's masking: keys of 13 bytes or fewer become ***, longer ones keep 8 leading and 5 trailing bytes.</summary>
    public static string MaskApiKey(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length <= 13) return "***";
        return Encoding.UTF8.GetString(bytes, 0, 8) + "***" + Encoding.UTF8.GetString(bytes, bytes.Length - 5, 5);
    }
}
