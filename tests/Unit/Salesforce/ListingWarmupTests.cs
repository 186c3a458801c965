using LogoutModule.Core.Salesforce;
using Xunit;

namespace LogoutModule.Tests.Salesforce;

public sealed class ListingWarmupTests
{
    [Fact]
    public void The_warm_up_reads_and_decrypts_a_made_up_auth_file_and_parses_an_alias_file_without_failing()
    {
        // Run swallows failures (a pool thread must not end the process), so its answer is the only sign a step broke:
        // a warm-up that throws half-way leaves the first listing to pay for the rest.
        Assert.True(ListingWarmup.Run());
    }
}
