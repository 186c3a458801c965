namespace LogoutModule.Core.Codex;

/// <summary>The revocation a plan sends: codex's request for a ChatGPT login's refresh token (or access token when that is empty).</summary>
internal sealed record CodexPlannedRevocation(Uri Url, TokenData Tokens)
{
    /// <summary>Which token goes: "refresh token", or "access token" when the refresh token is empty (as codex chooses).</summary>
    public string Kind => Tokens.RefreshToken.Length > 0 ? "refresh token" : "access token";

    /// <summary>The endpoint without query, as ShouldProcess names it.</summary>
    public string Target => Url.GetLeftPart(UriPartial.Path);

    /// <summary>Names the endpoint only: a record's generated text would reach the tokens.</summary>
    public override string ToString() => $"revoke the ChatGPT {Kind} at {Target}";
}
