using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>The per-file work of a listing or logout on every core: each index once, failures as they are.</summary>
public sealed class AllCoresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(AllCores.ParallelFrom - 1)]
    [InlineData(10_000)]
    public void Every_index_is_done_exactly_once(int count)
    {
        var calls = new int[count];

        AllCores.ForEachIndex(count, index => Interlocked.Increment(ref calls[index]));

        Assert.All(calls, calls => Assert.Equal(1, calls));
    }

    [Fact]
    public void Below_the_threshold_everything_runs_on_the_calling_thread()
    {
        var threads = new HashSet<int>();

        AllCores.ForEachIndex(AllCores.ParallelFrom - 1, _ => { lock (threads) threads.Add(Environment.CurrentManagedThreadId); });

        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, threads);
    }

    [Fact]
    public void The_first_failure_is_rethrown_as_it_is_and_stops_the_remaining_indexes()
    {
        var done = 0;

        var error = Assert.Throws<IOException>(() => AllCores.ForEachIndex(100_000, index =>
        {
            if (index == 100) throw new IOException("disk gone");
            Interlocked.Increment(ref done);
        }));

        Assert.Equal("disk gone", error.Message);
        Assert.True(done < 100_000 - 1, $"{done} indexes ran after the failure");
    }
}
