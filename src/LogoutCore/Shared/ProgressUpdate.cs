namespace LogoutModule.Core.Shared;

/// <summary>One WriteProgress call. A fixed ActivityId per activity; Completed ends it.</summary>
public sealed record ProgressUpdate(int ActivityId, string Activity, string Status, int PercentComplete, bool Completed = false);
