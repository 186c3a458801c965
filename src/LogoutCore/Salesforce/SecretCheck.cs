namespace LogoutModule.Core.Salesforce;

/// <summary>
/// A test of one stored secret (a string whose name sf encrypts, see Crypto.IsSecretProperty): true when sf could use
/// it, for example when it decrypts with the home's key. The value is lent for the call only and must not be kept.
/// </summary>
internal delegate bool SecretCheck(ReadOnlySpan<char> storedValue);
