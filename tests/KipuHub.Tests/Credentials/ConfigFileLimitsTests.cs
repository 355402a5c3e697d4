using System.ComponentModel;
using System.Diagnostics;
using KipuHub.Credentials;
using KipuHub.Credentials.Internal;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

/// <summary>
/// Issue 12 #9: a config file path naming a device, a pipe, a huge file or a file this user may not reach fails at
/// once with a <see cref="ConfigFileException"/> naming the file, in the credential and in <see cref="ContextResolver"/>.
/// </summary>
[TestFixture]
public class ConfigFileLimitsTests
{
    // A bound for a call that must not block; it only matters when the code under test is broken (then it hangs).
    private static readonly TimeSpan MustNotBlock = TimeSpan.FromSeconds(20);

    private TempDirectory _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempDirectory();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public void DevZero_IsRefusedWithoutReadingIt_InTheCredentialAndTheResolver()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) Assert.Ignore("needs /dev/zero (Unix).");

        AssertRefused("/dev/zero", "not a regular file");
    }

    [Test]
    public void A_symlink_to_DevZero_is_refused_too()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) Assert.Ignore("needs /dev/zero (Unix).");
        var link = Path.Combine(_home.Path, "config.json");
        File.CreateSymbolicLink(link, "/dev/zero");

        AssertRefused(link, "not a regular file");
    }

    [Test]
    public void A_fifo_is_refused_without_opening_it_so_it_never_blocks()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("FIFOs are a Unix feature.");
        var fifo = Path.Combine(_home.Path, "config.json");
        MakeFifo(fifo);
        try
        {
            AssertRefused(fifo, "not a regular file");
        }
        finally
        {
            Unblock(fifo);
        }
    }

    [Test]
    public void A_file_over_the_1_MiB_cap_is_refused_before_reading()
    {
        var path = _home.Write("config.json", FakeEnvironment.ConfigJson("t") + new string(' ', ConfigFileReader.MaxBytes));

        AssertRefused(path, "more than the 1 MiB a config file may have");
    }

    [Test]
    public void A_multi_GB_file_is_refused_before_reading()
    {
        var path = Path.Combine(_home.Path, "config.json");
        using (var sparse = File.Create(path))
        {
            sparse.SetLength(3L << 30);
        }

        AssertRefused(path, "3221225472 bytes, more than the 1 MiB");
    }

    [Test]
    public async Task A_file_of_exactly_1_MiB_is_read()
    {
        var json = FakeEnvironment.ConfigJson("file-token");
        var path = _home.Write("config.json", json + new string(' ', ConfigFileReader.MaxBytes - json.Length));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(ConfigFileReader.MaxBytes));

        Assert.That(await new ConfigFileCredential(path, FakeEnvironment.Create(_home.Path)).GetTokenAsync(), Is.EqualTo("file-token"));
    }

    [Test]
    public void An_empty_file_is_refused_as_empty()
    {
        var path = _home.Write("config.json", string.Empty);

        AssertRefused(path, "empty");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_in_a_directory_this_user_may_not_enter_is_reported_as_permission_denied_not_missing()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("Unix permissions.");
        if (Environment.UserName == "root") Assert.Ignore("running as root: root may enter a chmod 000 directory, so the permission error cannot happen (run as another user to cover it).");
        var path = _home.Write("locked/config.json", FakeEnvironment.ConfigJson("t", contextId: "org-1", isOrganization: true));
        var locked = Path.GetDirectoryName(path)!;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            AssertRefused(path, "permission denied");
            var fromDefault = Assert.ThrowsAsync<ConfigFileException>(async () =>
                await new ConfigFileCredential(environment: FakeEnvironment.Create(_home.Path, new Dictionary<string, string> { ["PLANQK_CONFIG_FILE_PATH"] = path })).GetTokenAsync());
            Assert.That(fromDefault!.Message, Does.Contain("permission denied"));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public async Task A_missing_file_is_still_missing_and_the_resolver_still_returns_null()
    {
        var path = Path.Combine(_home.Path, "nowhere", "config.json");
        var environment = FakeEnvironment.Create(_home.Path, new Dictionary<string, string> { ["KQH_CONFIG_FILE_PATH"] = path });

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await new ConfigFileCredential(environment: environment).GetTokenAsync());

        Assert.That(ex!.Message, Does.Contain($"config file {path} (from KQH_CONFIG_FILE_PATH): does not exist"));
        Assert.That(await new ContextResolver(environment).ResolveAsync(), Is.Null);
    }

    // The file named through KQH_CONFIG_FILE_PATH: the credential and the resolver both refuse it, naming it, promptly.
    private void AssertRefused(string path, string reason)
    {
        var environment = FakeEnvironment.Create(_home.Path, new Dictionary<string, string> { ["KQH_CONFIG_FILE_PATH"] = path });

        var fromCredential = Run(() => new ConfigFileCredential(environment: environment).GetTokenAsync().AsTask());
        var fromResolver = Run(() => new ContextResolver(environment).ResolveAsync());

        foreach (var ex in new[] { fromCredential, fromResolver })
        {
            Assert.That(ex, Is.InstanceOf<ConfigFileException>(), $"{ex}");
            Assert.That(((ConfigFileException)ex).FilePath, Is.EqualTo(path));
            Assert.That(ex.Message, Does.Contain($"'{path}'").And.Contain(reason));
        }
    }

    private static Exception Run<T>(Func<Task<T>> call)
    {
        var task = Task.Run(call);
        try
        {
            if (!task.Wait(MustNotBlock)) Assert.Fail($"the call did not end within {MustNotBlock}: it blocked");
        }
        catch (AggregateException)
        {
        }

        return task.Exception?.InnerException ?? throw new AssertionException($"no exception; got {task.Result}");
    }

    private static void MakeFifo(string path)
    {
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            if (mkfifo.ExitCode != 0) Assert.Ignore($"mkfifo failed with exit code {mkfifo.ExitCode}.");
        }
        catch (Win32Exception)
        {
            Assert.Ignore("mkfifo is not installed.");
        }
    }

    // If the code under test did open the FIFO, its open() is blocked until a writer appears: open it read-write
    // (never blocks on Linux) and close it, so the reader sees end of file and the thread is released.
    private static void Unblock(string fifo)
    {
        try
        {
            using var sh = Process.Start(new ProcessStartInfo("sh", ["-c", "exec 3<>\"$1\"; exec 3>&-", "sh", fifo]) { UseShellExecute = false })!;
            sh.WaitForExit();
        }
        catch (Win32Exception)
        {
        }
    }
}
