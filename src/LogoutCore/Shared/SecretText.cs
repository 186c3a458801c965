using System.Runtime.InteropServices;
using System.Security;

namespace LogoutModule.Core.Shared;

/// <summary>The only ways secrets become text: revealed for a request body, and scrubbed out of anything shown.</summary>
public static class SecretText
{
    /// <summary>The plain text of a SecureString, for building a request body and nothing else.</summary>
    public static string Reveal(SecureString secret)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? "";
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>Replaces every occurrence of each secret with "***", for server text that might echo what it was sent.</summary>
    public static string Scrub(string text, params string?[] secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s) && s!.Length >= 4))
            text = text.Replace(secret!, "***");
        return text;
    }
}
