using System.Runtime.ExceptionServices;

namespace LogoutModule.Core.Shared;

/// <summary>
/// The per-file steps of a listing or a logout spread over every core: reading, decrypting and deleting 10,000 auth
/// files is mostly system calls and platform cryptography, which run side by side.
/// </summary>
internal static class AllCores
{
    /// <summary>Below this many items the work stays on the calling thread: starting workers would cost more than it saves.</summary>
    public const int ParallelFrom = 64;

    /// <summary>
    /// Calls <paramref name="action"/> once for every index below <paramref name="count"/>, in no particular order and on
    /// every core (on the calling thread alone below <see cref="ParallelFrom"/>), and returns when all are done. The
    /// action must keep its results by index. An exception it throws is rethrown as it is (not in an AggregateException).
    /// </summary>
    public static void ForEachIndex(int count, Action<int> action)
    {
        if (count < ParallelFrom)
        {
            for (var index = 0; index < count; index++) action(index);
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, action);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
