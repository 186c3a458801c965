using LogoutModule.Core.Shared;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// -NonInteractive read off PowerShell's command line: where it is set, the console gets the line prompt (which then
/// fails as the host does) instead of the arrow-key list.
/// </summary>
public sealed class NonInteractiveSwitchTests
{
    [Theory]
    [InlineData("pwsh -NonInteractive")]
    [InlineData("pwsh -NoProfile -noni")]
    [InlineData("pwsh --noninteractive -c Disconnect-Org")]
    [InlineData("powershell.exe /NonInteractive")]
    [InlineData("pwsh -ExecutionPolicy Bypass -NONINTER -File x.ps1")]
    public void Is_set_by_the_switch_or_an_abbreviation_before_the_script(string commandLine)
        => Assert.True(NonInteractiveSwitch.IsSet(commandLine.Split(' ')));

    [Theory]
    [InlineData("pwsh")]
    [InlineData("pwsh -NoProfile -NoLogo")]
    [InlineData("pwsh -non")] // too short: pwsh refuses to start ("did you mean -noninteractive")
    [InlineData("pwsh -c Disconnect-Org -NonInteractive")]
    [InlineData("pwsh -File script.ps1 -noni")]
    [InlineData("pwsh -Command & { -NonInteractive }")]
    [InlineData("/opt/pwsh/pwsh.dll -NoProfile")]
    public void Is_not_set_by_other_switches_or_by_words_of_the_script(string commandLine)
        => Assert.False(NonInteractiveSwitch.IsSet(commandLine.Split(' ')));
}
