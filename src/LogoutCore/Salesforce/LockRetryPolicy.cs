using System.Runtime.InteropServices;

namespace LogoutModule.Core.Salesforce;

/// <summary>How often, and how far apart, a busy lock is tried again before giving up.</summary>
public sealed record LockRetryPolicy(int Retries, TimeSpan Delay);
