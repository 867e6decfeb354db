using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Renci.SshNet;

namespace Sintra.Hub.Tests.Exchange;

/// <summary>
/// A real OpenSSH server for one test class: a second sshd on a free 127.0.0.1 port with internal-sftp, a
/// throw-away user locked in a chroot under /srv, key authentication and its own host key. Needs root and
/// /usr/sbin/sshd (scripts/test.sh installs openssh-server). Disposing stops sshd, removes the user and the folder.
/// </summary>
public sealed class SftpTestServer : IAsyncLifetime
{
    private const string Sshd = "/usr/sbin/sshd";

    private readonly string id = Guid.NewGuid().ToString("N")[..10];
    private Process? sshd;
    private bool userCreated;

    public string Folder => $"/srv/sintra-test-{id}";

    /// <summary>The chroot; the user sees it as <c>/</c>.</summary>
    public string ChrootFolder => Path.Combine(Folder, "root");

    /// <summary>The folder the user may write, <c>/data</c> inside the chroot.</summary>
    public string DataFolder => Path.Combine(ChrootFolder, "data");

    public string UserName => $"sintra{id[..8]}";

    public int Port { get; private set; }

    public string PrivateKey { get; private set; } = string.Empty;

    /// <summary>The host key's SHA-256 fingerprint as <c>ssh-keygen -lf</c> prints it, with the <c>SHA256:</c> prefix.</summary>
    public string HostKeyFingerprint { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Sshd))
        {
            throw new InvalidOperationException(
                $"{Sshd} is missing. Run the tests through scripts/test.sh or install it with apt-get install -y openssh-server.");
        }

        // sshd requires every component of the chroot path to be owned by root and not writable by others.
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(Path.Combine(Folder, "keys"));
        Directory.CreateDirectory("/run/sshd");
        await RunAsync("/usr/bin/chmod", "755", Folder, ChrootFolder);

        await RunAsync("/usr/sbin/useradd", "--no-create-home", "--home-dir", "/", "--shell", "/usr/sbin/nologin", UserName);
        userCreated = true;

        // A new account's password is "!" (locked), and without PAM sshd rejects locked accounts even for keys.
        await RunAsync("/usr/sbin/usermod", "--password", "*", UserName);
        await RunAsync("/usr/bin/chown", $"{UserName}:", DataFolder);

        var hostKey = Path.Combine(Folder, "host_ed25519");
        var userKey = Path.Combine(Folder, "user_ed25519");
        await RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", hostKey);
        await RunAsync("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", userKey);
        PrivateKey = await File.ReadAllTextAsync(userKey);
        File.Copy(userKey + ".pub", Path.Combine(Folder, "keys", UserName));
        var fingerprint = await RunAsync("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", hostKey + ".pub");
        HostKeyFingerprint = fingerprint.Split(' ')[1];

        Port = FreePort();
        var config = Path.Combine(Folder, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {hostKey}
            PidFile {Folder}/sshd.pid
            AuthorizedKeysFile {Folder}/keys/%u
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            PermitRootLogin no
            StrictModes no
            AllowUsers {UserName}
            Subsystem sftp internal-sftp
            Match User {UserName}
                ChrootDirectory {ChrootFolder}
                ForceCommand internal-sftp
                AllowTcpForwarding no
                X11Forwarding no
            """);
        sshd = Process.Start(new ProcessStartInfo(Sshd, ["-D", "-e", "-f", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("sshd did not start.");
        sshd.BeginErrorReadLine();
        sshd.BeginOutputReadLine();
        await WaitForPortAsync();
    }

    /// <summary>Opens an SFTP session as the test user, acting as the partner that uploads files.</summary>
    public SftpClient ConnectAsPartner()
    {
        using var key = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PrivateKey));
        var client = new SftpClient("127.0.0.1", Port, UserName, new PrivateKeyFile(key));
        client.Connect();
        return client;
    }

    public async Task DisposeAsync()
    {
        if (sshd is { HasExited: false })
        {
            sshd.Kill();
            await sshd.WaitForExitAsync();
        }

        sshd?.Dispose();
        if (userCreated)
        {
            await RunAsync("/usr/sbin/userdel", UserName);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && sshd is { HasExited: false })
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return output;
    }
}
