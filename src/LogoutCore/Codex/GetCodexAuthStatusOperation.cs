using LogoutModule.Core.Shared;

namespace LogoutModule.Core.Codex;

/// <summary>Which codex home Get-CodexAuthStatus reads.</summary>
public sealed record GetCodexAuthStatusRequest
{
    /// <summary>The codex home (-CodexHome, an absolute folder); null for CODEX_HOME, else .codex in the context's user home.</summary>
    public string? CodexHome { get; init; }
}

/// <summary>
/// Get-CodexAuthStatus: what `codex login status` reports (message and exit code), as one object, plus the id_token's
/// email and plan and whether config.toml still holds the design document's auth_token. Local only: no network.
/// </summary>
public static class GetCodexAuthStatusOperation
{
    public const string ApiKeyNote = "Authentication is checked when you send a request.";

    /// <summary>
    /// Writes one CodexAuthStatus (none when the home or its config cannot be loaded: that is a non-terminating
    /// CodexHomeNotFound/CodexHomeNotDirectory/CodexConfigInvalid, InvalidArgument). A login that cannot be read is also
    /// the error CodexAuthUnreadable (ReadError or InvalidData), an undecodable CODEX_ACCESS_TOKEN CodexAccessTokenInvalid.
    /// </summary>
    public static void Invoke(CodexContext context, GetCodexAuthStatusRequest request, IHostInteraction host)
    {
        if (CodexConfig.LoadOrReport(context, request.CodexHome, host) is not { } loaded) return;
        var (home, config) = loaded;
        if (CodexAccessToken.FromEnvironment(context, config) is { } token)
        {
            host.WriteObject(EnvironmentStatus(home, config, token, host));
            return;
        }
        var stored = CodexStoredAuth.Load(context, home, config);
        if (stored.KeyringProblem is { } problem && stored.Error is null)
            host.WriteWarning($"The {context.Keyring.Name} could not be reached ({problem}); codex falls back to {CodexStoredAuth.AuthFilePath(home)}.");

        var status = new CodexAuthStatus { CodexHome = home, Store = config.Store, AuthFile = CodexStoredAuth.AuthFilePath(home),
            Source = stored.Source, LegacyAuthTokenPresent = config.HasLegacyAuthToken };
        if (stored.Error is { } error)
        {
            status.Message = "Error checking login status: " + error;
            status.ExitCode = 1;
            host.WriteError(CodexErrors.AuthNotReadable(stored.Source ?? home, status.Message));
        }
        else if (stored.Auth is not { } auth || !Allowed(auth, config.ForcedLoginMethod))
        {
            status.Message = "Not logged in";
            status.ExitCode = 1;
        }
        else if (auth.Mode == "apikey" && auth.ApiKey is null)
        {
            status.Message = "Error checking login status: API key auth is missing a key.";
            status.ExitCode = 1;
            host.WriteError(CodexErrors.AuthNotValid(stored.Source, status.Message));
        }
        else
        {
            status.LoggedIn = true;
            status.AuthMode = auth.Mode;
            if (auth.Mode == "apikey") status.MaskedApiKey = AuthDotJson.MaskApiKey(auth.ApiKey!);
            status.Message = LoggedInMessage(auth.Mode, status.MaskedApiKey);
            (status.Email, status.Plan) = auth.Tokens?.ReadIdentity() ?? (null, null);
        }
        host.WriteObject(status);
    }

    /// <summary>
    /// CODEX_ACCESS_TOKEN replaces the stored login (which codex then does not read): a token codex cannot decode is its
    /// error; a decodable one is what codex reports once its online check passes, which this local read cannot make.
    /// </summary>
    private static CodexAuthStatus EnvironmentStatus(string home, CodexConfig config, CodexAccessToken token, IHostInteraction host)
    {
        var source = "environment variable " + CodexAccessToken.VariableName;
        var status = new CodexAuthStatus { CodexHome = home, Store = config.Store, AuthFile = CodexStoredAuth.AuthFilePath(home),
            Source = source, LegacyAuthTokenPresent = config.HasLegacyAuthToken };
        if (token.Error is { } error)
        {
            status.Message = "Error checking login status: " + error;
            status.ExitCode = 1;
            host.WriteError(CodexErrors.AccessTokenInvalid(source, status.Message));
            return status;
        }
        status.LoggedIn = true;
        status.AuthMode = token.Mode;
        status.Message = LoggedInMessage(token.Mode, null);
        (status.Email, status.Plan) = (token.Email, token.Plan);
        host.WriteWarning($"{CodexAccessToken.VariableName} is set, so codex signs in with it instead of the stored login. Codex checks the token online " +
            "when it starts; this status is read locally and did not, so an expired or revoked token is reported as logged in here and fails in codex.");
        return status;
    }

    /// <summary>forced_login_method: a stored login of the other kind counts as not logged in.</summary>
    private static bool Allowed(AuthDotJson auth, CodexForcedLoginMethod forced) => forced switch
    {
        CodexForcedLoginMethod.Api => auth.Mode == "apikey",
        CodexForcedLoginMethod.ChatGpt => auth.IsChatGpt,
        _ => true,
    };

    // codex 0.169.0's lines; personal access token and access token (agent identity) checked through CODEX_ACCESS_TOKEN,
    // Bedrock from the binary's strings (unverified).
    private static string LoggedInMessage(string mode, string? maskedKey) => mode switch
    {
        "apikey" => $"API key configured - {maskedKey}\n{ApiKeyNote}",
        "chatgpt" or "chatgptAuthTokens" => "Logged in using ChatGPT",
        "personalAccessToken" => "Logged in using personal access token",
        "bedrockApiKey" => "Logged in using Amazon Bedrock API key",
        _ => "Logged in using access token",
    };
}
