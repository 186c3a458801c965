using CliWrap;
using CliWrap.Buffered;

namespace LogoutModule.Tests.Support;

/// <summary>Runs a peer or helper program for a test (sf, codex, secret-tool, dbus-daemon…) through CliWrap.</summary>
public static class Programs
{
    /// <summary>
    /// Runs <paramref name="fileName"/> to its end and returns its exit code and output; a non-zero exit is not an error.
    /// An <paramref name="environment"/> value of null removes that variable. Throws OperationCanceledException when
    /// the program outlives <paramref name="timeout"/> (default 30 s), after killing it.
    /// </summary>
    public static BufferedCommandResult Run(string fileName, IEnumerable<string> arguments, string? standardInput = null,
        TimeSpan? timeout = null, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var command = Cli.Wrap(fileName).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(standardInput is null ? PipeSource.Null : PipeSource.FromString(standardInput));
        if (workingDirectory is not null) command = command.WithWorkingDirectory(workingDirectory);
        if (environment is not null) command = command.WithEnvironmentVariables(environment);
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return command.ExecuteBufferedAsync(deadline.Token).GetAwaiter().GetResult();
    }
}
