using System.Diagnostics;
using System.Text;

namespace LogoutModule.Core.Shared;

/// <summary>Runs a helper program (secret-tool, security, xdg-open…) with arguments quoted safely, and a time limit.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>Only the exit code: the output can be a secret (secret-tool lookup prints the key).</summary>
        public override string ToString() => $"exit code {ExitCode}";
    }

    /// <param name="environment">Variables to set (a null value removes the variable) on top of this process's environment.</param>
    /// <returns>The exit code and output; throws TimeoutException (after killing it) when it runs over 30 seconds.</returns>
    public static Result Run(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
#if NET8_0_OR_GREATER
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
#else
        start.Arguments = string.Join(" ", arguments.Select(QuoteArgument));
#endif
        if (environment is not null)
        {
            foreach (var variable in environment)
            {
                if (variable.Value is null) start.Environment.Remove(variable.Key);
                else start.Environment[variable.Key] = variable.Value;
            }
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit((int)TimeSpan.FromSeconds(30).TotalMilliseconds))
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish in time.");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Quotes one argument by the Windows command-line rules (CommandLineToArgvW), which .NET's parser also follows.</summary>
    public static string QuoteArgument(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0) return argument;
        var builder = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\') { backslashes++; continue; }
            if (c == '"') builder.Append('\\', backslashes * 2 + 1).Append('"');
            else builder.Append('\\', backslashes).Append(c);
            backslashes = 0;
        }
        builder.Append('\\', backslashes * 2).Append('"');
        return builder.ToString();
    }

    /// <summary>Whether <paramref name="path"/> is a file this user may execute.</summary>
    public static bool IsExecutable(string path)
    {
        if (!File.Exists(path)) return false;
        var mode = FilePermissions.Get(path);
        return mode is null || (mode.Value.Bits & 0x49) != 0; // any x bit
    }
}
