using System.Text;
using LogoutModule.Core.Shared;
using LogoutModule.Tests.Support;
using Xunit;

namespace LogoutModule.Tests.Shared;

/// <summary>A file's text as File.ReadAllText decodes it, handed on as UTF-8 when it is valid UTF-8.</summary>
public sealed class FileTextTests
{
    private static string Read(string path)
        => FileText.Read(path, 0, static (text, _) => "text:" + text, static (utf8, _) => "utf8:" + Encoding.UTF8.GetString(utf8.Span));

    [Fact]
    public void Valid_UTF8_comes_as_bytes_without_its_byte_order_mark_and_other_text_decoded_as_ReadAllText_does()
    {
        using var dir = new TempDirectory();
        var plain = dir.Combine("plain.json");
        File.WriteAllBytes(plain, Encoding.UTF8.GetBytes("{\"é\":1}"));
        var bom = dir.Combine("bom.json");
        File.WriteAllBytes(bom, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{}")).ToArray());
        var utf16 = dir.Combine("utf16.json");
        File.WriteAllText(utf16, "{\"a\":\"b\"}", Encoding.Unicode);
        var invalid = dir.Combine("invalid.json");
        File.WriteAllBytes(invalid, new byte[] { (byte)'"', 0xFF, (byte)'"' });

        Assert.Equal("utf8:{\"é\":1}", Read(plain));
        Assert.Equal("utf8:{}", Read(bom));
        Assert.Equal("text:" + File.ReadAllText(utf16), Read(utf16));
        Assert.Equal("text:" + File.ReadAllText(invalid), Read(invalid));
    }

    [Fact]
    public void A_missing_file_a_folder_and_a_path_holding_a_NUL_fail_as_File_does()
    {
        using var dir = new TempDirectory();
        var start = dir.Write("user", "not this one");

        Assert.Throws<FileNotFoundException>(() => Read(dir.Combine("missing.json")));
        Assert.ThrowsAny<Exception>(() => Read(dir.Path)); // UnauthorizedAccessException or IOException, as File's
        // As a C string the path ends at the NUL, which would name the file above: refused, as File refuses it.
        Assert.Throws<ArgumentException>(() => Read(start + "\0.json"));
    }
}
