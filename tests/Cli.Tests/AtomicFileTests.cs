using System.Text;
using Consolidate.Cli.Formatters;

namespace Consolidate.Cli.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_regular_file_is_replaced_whole_and_no_temp_file_stays()
    {
        var folder = Directory.CreateTempSubdirectory("consolidate-atomic-").FullName;
        var path = Path.Combine(folder, "report.json");
        File.WriteAllText(path, "old report, longer than the new one");

        AtomicFile.Write(path, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["report.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temp_file()
    {
        var folder = Directory.CreateTempSubdirectory("consolidate-atomic-").FullName;
        var path = Path.Combine(folder, "report.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("formatter failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    /// <summary>
    /// --output /dev/null once replaced the device with a regular file (as root, for the whole machine). Checked through
    /// a link to /dev/null, so a regression replaces the link in a temp folder, never the device.
    /// </summary>
    [Fact]
    public void A_device_is_written_in_place_not_replaced()
    {
        var folder = Directory.CreateTempSubdirectory("consolidate-atomic-").FullName;
        var link = Path.Combine(folder, "out");
        File.CreateSymbolicLink(link, "/dev/null");

        AtomicFile.Write(link, stream => stream.Write(Encoding.UTF8.GetBytes("report")));

        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Empty(File.ReadAllBytes("/dev/null"));
        Assert.Single(Directory.GetFileSystemEntries(folder));
    }
}
