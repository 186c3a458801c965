using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using LogoutModule.Core.Auth0;
using LogoutModule.Core.Codex;
using LogoutModule.Core.Salesforce;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Auth0;
using LogoutModule.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace LogoutModule.Tests.Shared;

/// <summary>
/// Issue #10 suite (c): a seeded corpus of hostile inputs over every file the module reads (sf auth, alias, config,
/// key and sandbox files; codex auth.json and config.toml) and every parameter that names something. Each case runs
/// through the core operation the cmdlet calls, with the cmdlet's own mapping of exceptions
/// (<see cref="LogoutException.FromUnexpected"/>), and must end in a normal result or an error with a stable id that
/// names its file or value: never UnexpectedError, never a byte changed outside the tool's own folders, nothing changed
/// at all by a read or -WhatIf, and no raw control character from a hostile name in any message.
/// </summary>
public sealed class HostileInputCorpusTests
{
    private const int Seed = 20261130;
    private const string User1 = "user1@fixture1.example.com";
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CorpusBound = TimeSpan.FromMinutes(3);

    private static readonly List<(TimeSpan, string)> Timings = new();

    private readonly ITestOutputHelper _output;

    public HostileInputCorpusTests(ITestOutputHelper output) => _output = output;

    private sealed record Case(string Name, Action<string> Arrange);

    private sealed record Failure(string Case, string Operation, string Kind, string Detail);

    [Fact]
    public void Every_hostile_file_and_name_ends_in_a_result_or_a_named_error_and_changes_nothing_outside_the_tools_folders()
    {
        var random = new Random(Seed);
        var sfCases = SalesforceFileCases(random).ToList();
        var codexCases = CodexFileCases(random).ToList();
        var nameCases = NameCases(random).ToList();
        var failures = new List<Failure>();
        var runs = 0;
        var clock = Stopwatch.StartNew();

        // Each file case runs through one operation, in turn, so that every kind of damage meets every operation
        // across the corpus within the time bound.
        foreach (var (testCase, index) in sfCases.Select((c, i) => (c, i)))
        {
            {
                var operation = SalesforceOperations[index % SalesforceOperations.Length];
                using var home = SfHome.FromFixture();
                var root = Path.GetDirectoryName(home.Home)!;
                testCase.Arrange(home.Home);
                runs++;
                Check(testCase.Name, operation.Name, root, IsSfOwn, operation.ReadOnly, host => operation.Invoke(home, host), null, failures);
            }
        }
        foreach (var (testCase, index) in codexCases.Select((c, i) => (c, i)))
        {
            {
                var operation = CodexOperations[index % CodexOperations.Length];
                using var state = new CodexState();
                testCase.Arrange(state.Home);
                runs++;
                var own = Path.GetRelativePath(state.TempPath, state.Home);
                Check(testCase.Name, operation.Name, state.TempPath, relative => IsUnder(relative, own), operation.ReadOnly,
                    host => operation.Invoke(state, host), null, failures);
            }
        }
        foreach (var (name, value) in nameCases)
        {
            foreach (var operation in NameOperations)
            {
                using var home = SfHome.FromFixture();
                using var state = new CodexState();
                var root = Path.GetDirectoryName(home.Home)!;
                runs++;
                Check(name, operation.Name, root, IsSfOwn, operation.ReadOnly, host => operation.Invoke(home, state, value, host), value, failures);
            }
        }
        clock.Stop();

        var cases = sfCases.Count + codexCases.Count + nameCases.Count;
        var report = new StringBuilder()
            .AppendLine($"Hostile-input corpus (seed {Seed}): {cases} cases ({sfCases.Count} sf files, {codexCases.Count} codex files, {nameCases.Count} names), {runs} runs in {clock.Elapsed.TotalSeconds:F1} s")
            .AppendLine($"Failures: {failures.Count}");
        foreach (var group in failures.GroupBy(f => f.Kind).OrderBy(g => g.Key))
            report.AppendLine($"  {group.Key}: {group.Count()}");
        foreach (var (time, run) in Timings.OrderByDescending(t => t.Item1).Take(15))
            report.AppendLine($"  slow {time.TotalMilliseconds:F0} ms {run}");
        report.AppendLine($"  operation time total {Timings.Sum(t => t.Item1.TotalSeconds):F1} s");
        foreach (var failure in failures.Take(60))
            report.AppendLine($"  FAIL {failure.Case} / {failure.Operation}: {failure.Kind}: {failure.Detail}");
        var text = report.ToString();
        _output.WriteLine(text);
        var summary = Path.Combine(RepoPaths.Root, "out", "test-results", "hostile-input-corpus.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
        File.WriteAllText(summary, text);

        Assert.True(cases >= 1000, $"only {cases} cases");
        Assert.True(failures.Count == 0, text);
        Assert.True(clock.Elapsed < CorpusBound, $"the corpus took {clock.Elapsed}, over its {CorpusBound} bound");
    }

    // ---- checking one run ----

    private static void Check(string caseName, string operation, string root, Func<string, bool> isOwn, bool readOnly,
        Action<FakeHost> invoke, string? hostileValue, List<Failure> failures)
    {
        var before = FolderSnapshot.Take(root);
        var host = new FakeHost { WhatIf = operation.Contains("WhatIf", StringComparison.Ordinal) };
        var errors = new List<LogoutError>();
        var clock = Stopwatch.StartNew();
        try
        {
            invoke(host);
        }
        catch (Exception e)
        {
            errors.Add(LogoutException.FromUnexpected(e).ToError());
        }
        clock.Stop();
        Timings.Add((clock.Elapsed, caseName + " / " + operation));
        errors.AddRange(host.Errors);
        void Fail(string kind, string detail) => failures.Add(new Failure(caseName, operation, kind, detail));

        foreach (var error in errors)
        {
            if (error.ErrorId == "UnexpectedError") Fail("UnexpectedError", error.Message);
            else if (error.TargetObject is null || (error.TargetObject is string { Length: 0 } && hostileValue != ""))
                Fail("ErrorNamesNothing", $"{error.ErrorId}: {error.Message}");
        }
        if (clock.Elapsed > CaseBound) Fail("Slow", $"{clock.Elapsed.TotalSeconds:F1} s");
        if (hostileValue is not null && hostileValue.Any(IsControl) && hostileValue.Length > 1)
        {
            var texts = errors.Select(e => e.Message).Concat(host.Warnings).Concat(host.WhatIfLines);
            if (texts.FirstOrDefault(t => t.Contains(hostileValue, StringComparison.Ordinal)) is { } raw)
                Fail("RawControlInMessage", Escape(raw));
        }

        var after = FolderSnapshot.Take(root);
        foreach (var path in before.Keys.Union(after.Keys).OrderBy(p => p, StringComparer.Ordinal))
        {
            before.TryGetValue(path, out var was);
            after.TryGetValue(path, out var now);
            if (was == now) continue;
            if (readOnly) Fail("ChangedByReadOnly", $"{path}: {was ?? "absent"} -> {now ?? "absent"}");
            else if (!isOwn(path)) Fail("ChangedOutside", $"{path}: {was ?? "absent"} -> {now ?? "absent"}");
        }
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static string Escape(string text) => new(text.Take(160).SelectMany(c => IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()).ToArray());

    private static bool IsUnder(string relative, string folder)
        => relative == folder || relative.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>sf's own folders: the home's and the project's .sf and .sfdx.</summary>
    private static bool IsSfOwn(string relative)
        => new[] { "home/.sf", "home/.sfdx", "home/project/.sf", "home/project/.sfdx" }.Any(folder => IsUnder(relative, folder));

    // ---- operations, as the cmdlets call them ----

    private sealed record SfOperation(string Name, bool ReadOnly, Action<SfHome, FakeHost> Invoke);

    private static readonly SfOperation[] SalesforceOperations =
    {
        new("Get-AuthenticatedOrg", true, (home, host) => GetAuthenticatedOrgOperation.Invoke(home.Context(home.Project), new GetAuthenticatedOrgRequest(), host)),
        new("Disconnect-Org -All -WhatIf", true, (home, host) =>
            DisconnectOrgOperation.Invoke(home.Context(home.Project), new DisconnectOrgRequest { All = true }, host)),
        new("Disconnect-Org -TargetOrg user1 -Force", false, (home, host) =>
            DisconnectOrgOperation.Invoke(home.Context(home.Project), new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { User1 } }], Force = true }, host)),
    };

    private sealed record CodexOperation(string Name, bool ReadOnly, Action<CodexState, FakeHost> Invoke);

    private static readonly CodexOperation[] CodexOperations =
    {
        new("Get-CodexAuthStatus", true, (state, host) => GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = state.Home }, host)),
        new("Remove-CodexToken -Force -SkipRevoke", false, (state, host) =>
            RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = state.Home, Force = true, SkipRevoke = true, LockWait = TimeSpan.FromSeconds(2) }, host)),
    };

    private sealed record NameOperation(string Name, bool ReadOnly, Action<SfHome, CodexState, string, FakeHost> Invoke);

    private static readonly NameOperation[] NameOperations =
    {
        new("Get-AuthenticatedOrg -Name", true, (home, _, value, host) => GetAuthenticatedOrgOperation.Invoke(home.Context(), new GetAuthenticatedOrgRequest { Names = new[] { value } }, host)),
        new("Get-AuthenticatedOrg -HomePath", true, (home, _, value, host) =>
            GetAuthenticatedOrgOperation.Invoke(new SalesforceContext(Path.Combine(home.Home, value), home.Home, _ => null, DateTimeOffset.UnixEpoch, HostPlatform.Linux), new GetAuthenticatedOrgRequest(), host)),
        new("Disconnect-Org -TargetOrg -Force", false, (home, _, value, host) =>
            DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { value } }], Force = true }, host)),
        new("Disconnect-Org -HomePath -All -WhatIf", true, (home, _, value, host) =>
            DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { Selections = [new() { HomePath = Path.Combine(home.Home, value) }], All = true }, host)),
        new("Disconnect-Org -ClientApp -WhatIf", true, (home, _, value, host) =>
            DisconnectOrgOperation.Invoke(home.Context(), new DisconnectOrgRequest { Selections = [new() { TargetOrgs = new[] { User1 } }], ClientApp = value }, host)),
        new("Get-CodexAuthStatus -CodexHome", true, (home, state, value, host) =>
            GetCodexAuthStatusOperation.Invoke(state.Context(), new GetCodexAuthStatusRequest { CodexHome = Path.Combine(home.Home, value) }, host)),
        new("Remove-CodexToken -CodexHome -Force", false, (home, state, value, host) =>
            RemoveCodexTokenOperation.Invoke(state.Context(), new RemoveCodexTokenRequest { CodexHome = Path.Combine(home.Home, "project", ".sf", value), Force = true, SkipRevoke = true, LockWait = TimeSpan.FromSeconds(2) }, host)),
        new("Get-Auth0LogoutUrl -Domain", true, (_, _, value, host) =>
            GetAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()), new GetAuth0LogoutUrlRequest { Domain = value, ClientId = "client", ReturnTo = "http://127.0.0.1:1/done" }, host)),
        new("Get-Auth0LogoutUrl -ReturnTo", true, (_, _, value, host) =>
            GetAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()), new GetAuth0LogoutUrlRequest { Domain = "127.0.0.1", ClientId = "client", ReturnTo = value }, host)),
        new("Get-Auth0LogoutUrl -ClientId -Oidc", true, (_, _, value, host) =>
            GetAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()), new GetAuth0LogoutUrlRequest { Domain = "127.0.0.1", Endpoint = Auth0LogoutEndpoint.Oidc, ClientId = value, ReturnTo = "http://127.0.0.1:1/done" }, host)),
        new("Test-Auth0LogoutUrl -AllowedLogoutUrl", true, (_, _, value, host) =>
            TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
                new TestAuth0LogoutUrlRequest { Domain = "127.0.0.1", ClientId = "client", ReturnTo = "http://127.0.0.1:1/done", AllowedLogoutUrls = new[] { value } }, host)),
        new("Test-Auth0LogoutUrl -ReturnTo", true, (_, _, value, host) =>
            TestAuth0LogoutUrlOperation.Invoke(new Auth0Context(new RecordingBrowser()),
                new TestAuth0LogoutUrlRequest { Domain = "127.0.0.1", ClientId = "client", ReturnTo = value, AllowedLogoutUrls = new[] { "http://127.0.0.1:1/*" } }, host)),
    };

    // ---- the generator ----

    private static readonly string[] SfFiles =
    {
        ".sfdx/" + User1 + ".json", ".sfdx/user4@fixture4.example.com.json", ".sfdx/alias.json", ".sf/config.json",
        ".sfdx/sfdx-config.json", "project/.sf/config.json", "project/.sfdx/sfdx-config.json", ".sfdx/key.json",
        ".sfdx/00D000000000005EAA.sandbox.json", "project/sfdx-project.json",
    };

    private static readonly JsonNode?[] WrongValues =
    {
        null, JsonValue.Create(42), JsonValue.Create(-1.5e308), JsonValue.Create(true), JsonValue.Create(""),
        JsonValue.Create("x\u0000y\u001b[2J\n"), new JsonArray(JsonValue.Create(1)), new JsonObject { ["a"] = "b" },
    };

    private static IEnumerable<Case> SalesforceFileCases(Random random)
    {
        var fixture = Path.Combine(RepoPaths.Fixtures, "sf-home");
        foreach (var relative in SfFiles)
        {
            var original = File.ReadAllBytes(Path.Combine(new[] { fixture }.Concat(relative.Split('/')).ToArray()));
            foreach (var (name, content) in ByteMutations(original, random))
                yield return FileCase($"sf {relative} {name}", relative, content);
            foreach (var (name, arrange) in ShapeMutations(relative))
                yield return new Case($"sf {relative} {name}", home => arrange(home));
            if (JsJson.Parse(Encoding.UTF8.GetString(original)) is JsonObject json)
                foreach (var (name, content) in FieldMutations(json))
                    yield return FileCase($"sf {relative} {name}", relative, content);
        }
        // sf reads every *.json in .sfdx as a possible org: hostile file names beside the real ones.
        foreach (var (label, fileName) in HostileFileNames())
        {
            var content = File.ReadAllBytes(Path.Combine(fixture, ".sfdx", User1 + ".json"));
            yield return FileCase($"sf .sfdx/<{label}>", ".sfdx/" + fileName, content);
        }
    }

    private static IEnumerable<Case> CodexFileCases(Random random)
    {
        var apiKeyAuth = Encoding.UTF8.GetBytes("{\n  \"OPENAI_API_KEY\": \"sk-corpus-0123456789ABCDEFGHIJ\",\n  \"tokens\": null,\n  \"last_refresh\": null\n}");
        var chatgptAuth = File.ReadAllBytes(CodexState.Fixture("codex-auth-chatgpt.json"));
        var config = Encoding.UTF8.GetBytes("model = \"o3\"\ncli_auth_credentials_store = \"file\"\nforced_login_method = \"chatgpt\"\n\n[projects.\"/tmp\"]\ntrust_level = \"trusted\"\n");
        foreach (var (label, original) in new[] { ("auth.json(apikey)", apiKeyAuth), ("auth.json(chatgpt)", chatgptAuth) })
        {
            foreach (var (name, content) in ByteMutations(original, random)) yield return FileCase($"codex {label} {name}", "auth.json", content);
            foreach (var (name, content) in FieldMutations((JsonObject)JsJson.Parse(Encoding.UTF8.GetString(original))!))
                yield return FileCase($"codex {label} {name}", "auth.json", content);
        }
        foreach (var (name, arrange) in ShapeMutations("auth.json"))
            yield return new Case($"codex auth.json {name}", home => arrange(home));
        foreach (var (name, content) in ByteMutations(config, random)) yield return FileCase($"codex config.toml {name}", "config.toml", content);
        foreach (var (name, arrange) in ShapeMutations("config.toml"))
            yield return new Case($"codex config.toml {name}", home => arrange(home));
        foreach (var key in new[] { "cli_auth_credentials_store", "forced_login_method", "model", "auth_token", "projects" })
        {
            foreach (var value in new[] { "5", "true", "[1, \"a\"]", "{ a = 1 }", "\"\"", "\"bogus\"", "1979-05-27T07:32:00Z", "\"\\u0000\\u001b\"", "nan" })
            {
                var text = key == "projects" ? $"projects = {value}\n" : $"{key} = {value}\n";
                yield return FileCase($"codex config.toml {key}={value}", "config.toml", Encoding.UTF8.GetBytes(text));
                yield return FileCase($"codex config.toml {key} twice ={value}", "config.toml", Encoding.UTF8.GetBytes(text + text));
            }
        }
    }

    private static Case FileCase(string name, string relative, byte[] content) => new(name, home =>
    {
        var path = Path.Combine(new[] { home }.Concat(relative.Split('/')).ToArray());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    });

    /// <summary>Byte-level damage: empty, truncation at seeded points, BOMs, invalid UTF-8, NUL and control bytes, huge and deep content.</summary>
    private static IEnumerable<(string, byte[])> ByteMutations(byte[] original, Random random)
    {
        yield return ("empty", Array.Empty<byte>());
        yield return ("whitespace", Encoding.ASCII.GetBytes(" \n\t\r "));
        for (var i = 0; i < 6; i++)
        {
            var at = original.Length <= 1 ? 0 : random.Next(1, original.Length);
            yield return ($"truncated@{at}", original[..at]);
        }
        yield return ("utf8-bom", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(original).ToArray());
        yield return ("utf16le-bom", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(original))).ToArray());
        yield return ("utf16be", Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(original)));
        for (var i = 0; i < 4; i++)
        {
            var at = random.Next(0, original.Length + 1);
            var bad = new[] { new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 } }[i];
            yield return ($"invalid-utf8#{i}@{at}", original[..at].Concat(bad).Concat(original[at..]).ToArray());
        }
        foreach (var control in new byte[] { 0x00, 0x1B, 0x07, 0x7F })
        {
            var at = random.Next(0, original.Length + 1);
            yield return ($"byte-{control:x2}@{at}", original[..at].Append(control).Concat(original[at..]).ToArray());
        }
        for (var i = 0; i < 3; i++)
        {
            var copy = (byte[])original.Clone();
            for (var j = 0; j < 4 && copy.Length > 0; j++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
            yield return ($"flipped#{i}", copy);
        }
        var noise = new byte[512];
        random.NextBytes(noise);
        yield return ("random-bytes", noise);
        yield return ("deep-array", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("deep-object", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return ("huge-string", Encoding.ASCII.GetBytes("{\"x\":\"" + new string('A', 300_000) + "\"}"));
        yield return ("top-level-array", Encoding.ASCII.GetBytes("[1,2,3]"));
        yield return ("top-level-string", Encoding.ASCII.GetBytes("\"text\""));
        yield return ("top-level-null", Encoding.ASCII.GetBytes("null"));
        yield return ("trailing-garbage", original.Concat(Encoding.ASCII.GetBytes("}{,")).ToArray());
        yield return ("comments", Encoding.ASCII.GetBytes("// note\n").Concat(original).ToArray());
    }

    /// <summary>Field-level damage of a JSON file: each member given every wrong type, removed, or repeated.</summary>
    private static IEnumerable<(string, byte[])> FieldMutations(JsonObject original)
    {
        foreach (var (key, value) in original)
        {
            for (var i = 0; i < WrongValues.Length; i++)
            {
                var copy = (JsonObject)original.DeepClone();
                copy[key] = WrongValues[i]?.DeepClone();
                yield return ($"{key}=wrong#{i}", Encoding.UTF8.GetBytes(JsJson.Stringify(copy, 2)));
            }
            var without = (JsonObject)original.DeepClone();
            without.Remove(key);
            yield return ($"{key}-missing", Encoding.UTF8.GetBytes(JsJson.Stringify(without, 2)));
            var text = JsJson.Stringify(original, 2);
            var member = $"\"{key}\": {JsJson.Stringify(value)},";
            yield return ($"{key}-repeated", Encoding.UTF8.GetBytes(text.Insert(1, "\n  " + member)));
            yield return ($"{key}-huge", Encoding.UTF8.GetBytes(JsJson.Stringify(new JsonObject(original.Select(p =>
                KeyValuePair.Create(p.Key, p.Key == key ? JsonValue.Create(new string('z', 100_000)) : p.Value?.DeepClone()))), 2)));
        }
    }

    /// <summary>The file's place taken by something else: a folder, links inside and outside the home, a loop, a dangling link.</summary>
    private static IEnumerable<(string, Action<string>)> ShapeMutations(string relative)
    {
        string PathIn(string home) => Path.Combine(new[] { home }.Concat(relative.Split('/')).ToArray());
        string Outside(string home)
        {
            var outside = Path.Combine(Path.GetDirectoryName(home)!, "outside");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "victim.json"), "{\"orgs\":{},\"OPENAI_API_KEY\":\"sk-victim\",\"username\":\"victim\"}");
            return outside;
        }
        void Replace(string home, Action<string> make)
        {
            var path = PathIn(home);
            if (File.Exists(path)) File.Delete(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            make(path);
        }
        yield return ("is-a-directory", home => Replace(home, path => Directory.CreateDirectory(Path.Combine(path, "inner"))));
        yield return ("symlink-outside", home => Replace(home, path => File.CreateSymbolicLink(path, Path.Combine(Outside(home), "victim.json"))));
        yield return ("symlink-dotdot", home => Replace(home, path =>
        {
            Outside(home);
            var up = Path.GetRelativePath(Path.GetDirectoryName(path)!, Path.GetDirectoryName(home)!);
            File.CreateSymbolicLink(path, Path.Combine(up, "outside", "victim.json"));
        }));
        yield return ("symlink-to-outside-directory", home => Replace(home, path => Directory.CreateSymbolicLink(path, Outside(home))));
        yield return ("symlink-dangling", home => Replace(home, path => File.CreateSymbolicLink(path, Path.Combine(home, "missing", "nowhere.json"))));
        yield return ("symlink-loop", home => Replace(home, path => File.CreateSymbolicLink(path, path)));
        yield return ("symlink-dev-null", home => Replace(home, path => File.CreateSymbolicLink(path, "/dev/null")));
    }

    private static IEnumerable<(string, string)> HostileFileNames()
    {
        yield return ("newline", "user2@fixture2.example.com.json\n");
        yield return ("esc", "us\u001b[31mer@x.example.com.json");
        yield return ("line-separator", "user\u2028x@example.com.json");
        yield return ("rtl-override", "user\u202ex@example.com.json");
        yield return ("leading-dash", "-rf@example.com.json");
        yield return ("no-at", "plainname.json");
        yield return ("dot-json", ".json");
        yield return ("long", new string('a', 200) + "@example.com.json");
        yield return ("space", "user @example.com.json");
        yield return ("percent", "user%0a@example.com.json");
    }

    /// <summary>Values for every parameter that names something: control characters, separators, traversal, wildcards, sizes.</summary>
    private static IEnumerable<(string, string)> NameCases(Random random)
    {
        var values = new List<(string, string)>
        {
            ("empty", ""), ("space", " "), ("newline", "user1@fixture1.example.com\nWARNING: forged"), ("cr", "org\rforged"),
            ("nul", "user1@fixture1.example.com\0tail"), ("esc", "\u001b[2J\u001b[31mred"), ("bell", "a\u0007b"), ("tab", "a\tb"),
            ("line-separator", "a\u2028b"), ("paragraph-separator", "a\u2029b"), ("nel", "a\u0085b"), ("rtl-override", "abc\u202edef"),
            ("zero-width", "user1\u200b@fixture1.example.com"), ("bom", "\ufeffuser1@fixture1.example.com"), ("lone-surrogate", "a\ud800b"),
            ("dotdot", ".."), ("dotdot-path", "../../outside"), ("dotdot-deep", "../../../../../../etc/passwd"), ("absolute", "/etc"),
            ("dot", "."), ("slash", "/"), ("backslash", "..\\..\\x"), ("tilde", "~"), ("tilde-user", "~root"), ("wildcard-star", "*"),
            ("wildcard-bracket", "[a-"), ("wildcard-backtick", "`"), ("question", "?"), ("percent-encoded", "%2e%2e%2f"),
            ("url-javascript", "javascript:alert(1)"), ("url-file", "file:///etc/passwd"), ("url-data", "data:text/html,x"),
            ("url-userinfo", "http://user:pass@127.0.0.1/"), ("url-newline", "http://127.0.0.1/\r\nSet-Cookie: x"),
            ("url-nohost", "http://"), ("url-ipv6-bad", "http://[::1"), ("url-port-huge", "http://127.0.0.1:999999/"),
            ("url-spaces", "http:// 127.0.0.1/"), ("url-fragment", "http://127.0.0.1/#frag"), ("url-wildcard-host", "http://*.*/"),
            ("quote", "\"'`$(Get-Date)"), ("semicolon", "a;b&c|d"), ("json", "{\"a\":1}"), ("huge", new string('x', 100_000)),
            ("huge-unicode", string.Concat(Enumerable.Repeat("\u00e9\U0001F600", 20_000))), ("alias-like", "org1"), ("username-case", "USER1@FIXTURE1.EXAMPLE.COM"),
        };
        // seeded random strings mixing every hostile class above
        const string alphabet = "aZ09@._-/\\*?[]`~\n\r\t\0\u001b\u2028\u2029\u0085\u202e\u200b\ufeff\u00e9:%&;\"' ";
        for (var i = 0; i < 40; i++)
            values.Add(($"random#{i}", new string(Enumerable.Range(0, random.Next(1, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())));
        return values.Select(v => ($"name {v.Item1}", v.Item2));
    }
}
