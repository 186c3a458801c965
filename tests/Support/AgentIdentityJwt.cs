using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LogoutModule.Tests.Support;

/// <summary>
/// Agent identity JWTs for CODEX_ACCESS_TOKEN cases: RS256 over the given claims with a test key, and the JWKS that
/// lets the real codex verify them (served on 127.0.0.1 only).
/// </summary>
public static class AgentIdentityJwt
{
    public const string KeyId = "logout-module-test";

    public static string Sign(JsonObject claims, RSA key)
    {
        var header = Base64Url(Encoding.UTF8.GetBytes($"{{\"alg\":\"RS256\",\"kid\":\"{KeyId}\",\"typ\":\"JWT\"}}"));
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    public static string Jwks(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["kid"] = KeyId, ["alg"] = "RS256", ["use"] = "sig",
                ["n"] = Base64Url(parameters.Modulus!), ["e"] = Base64Url(parameters.Exponent!),
            }),
        }.ToJsonString();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
