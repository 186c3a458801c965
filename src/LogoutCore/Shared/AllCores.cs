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
    /// Calls <paramref name="action"/> once for every index below <paramref name="count"/>, in no particular order: the
    /// calling thread and one pool thread per other core take the next index until none is left (on the calling thread
    /// alone below <see cref="ParallelFrom"/>). Returns when all are done; the action must keep its results by index.
    /// The first exception an action throws stops the others at their next index and is rethrown as it is. Plain tasks
    /// and Interlocked rather than Parallel.For, whose generic code a fresh pwsh would compile before its first listing.
    /// </summary>
    public static void ForEachIndex(int count, Action<int> action)
    {
        var next = -1;
        var active = 0;
        var gate = new object();
        Exception? failure = null;
        void Work()
        {
            Interlocked.Increment(ref active);
            try
            {
                for (int index; (index = Interlocked.Increment(ref next)) < count;) action(index);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                Volatile.Write(ref next, count);
            }
            finally
            {
                if (Interlocked.Decrement(ref active) == 0) lock (gate) Monitor.PulseAll(gate);
            }
        }

        // The helpers are not waited for, only the indexes: on a busy pool (a caller that is itself a pool thread) a
        // helper may start late, find nothing left and end, while the calling thread has done all the work.
        var helpers = count < ParallelFrom ? 0 : Environment.ProcessorCount - 1;
        for (var helper = 0; helper < helpers; helper++)
            Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        Work();
        lock (gate)
            while (Volatile.Read(ref active) > 0) Monitor.Wait(gate);
        if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
