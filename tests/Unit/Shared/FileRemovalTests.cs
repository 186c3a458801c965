using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>Deleting one file as Node's fs.unlink does: a missing file is reported, and nothing else is ever deleted.</summary>
public sealed class FileRemovalTests
{
    [Fact]
    public void A_file_is_deleted_and_one_already_gone_or_a_folder_is_reported_as_no_file()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("a.json", "{}");
        var folder = dir.Combine("b.json");
        Directory.CreateDirectory(folder);

        Assert.True(FileRemoval.TryDelete(file));
        Assert.False(File.Exists(file));
        Assert.False(FileRemoval.TryDelete(file));
        Assert.False(FileRemoval.TryDelete(folder));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_symbolic_link_is_deleted_itself_never_its_target()
    {
        if (OperatingSystem.IsWindows()) return; // creating links needs a privilege there; the File fallback is what runs
        using var dir = new TempDirectory();
        var target = dir.Write("target.json", "{}");
        var link = dir.Combine("link.json");
        File.CreateSymbolicLink(link, target);

        Assert.True(FileRemoval.TryDelete(link));

        Assert.False(File.Exists(link));
        Assert.Equal("{}", File.ReadAllText(target));
    }

    [Fact]
    public void A_path_holding_a_NUL_names_no_file_and_the_file_named_by_its_start_is_left()
    {
        using var dir = new TempDirectory();
        var start = dir.Write("user", "keep me");

        // As a C string the path ends at the NUL, which would name the file above; File.Exists says no such file.
        Assert.False(FileRemoval.TryDelete(start + "\0.json"));

        Assert.Equal("keep me", File.ReadAllText(start));
    }
}
