using System.Security.Cryptography;
using System.Text.Json.Nodes;
using LogoutModule.Core.Codex;

namespace LogoutModule.Tests.Support;

/// <summary>tests/Unit/Codex/codex-env-cases.json: `codex login status` 0.169.0 with credentials in the environment.</summary>
public static class CodexEnvCases
{
    private static readonly string CasesFile = Path.Combine(RepoPaths.Root, "tests", "Unit", "Codex", "codex-env-cases.json");

    public static IReadOnlyList<JsonObject> Load()
        => JsonNode.Parse(File.ReadAllText(CasesFile))!["login_status"]!.AsArray().Select(c => c!.AsObject()).ToList();

    /// <summary>Every case's name, as theory data.</summary>
    public static IEnumerable<object[]> Names => Load().Select(c => new object[] { (string)c["name"]! });

    public static JsonObject Case(string name) => Load().Single(c => (string)c["name"]! == name);

    /// <summary>Arranges a case's files and environment; a case's claims become a JWT signed with <paramref name="key"/>.</summary>
    public static void Arrange(CodexState state, JsonObject testCase, RSA key)
    {
        state.Arrange(testCase);
        if (testCase["access_token_claims"] is JsonObject claims) state.SetVariable(CodexAccessToken.VariableName, AgentIdentityJwt.Sign(claims, key));
    }
}
