using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sintra.Hub.Tests.Assets;

/// <summary>
/// Azurite's blob service for the tests: the one named by <c>SINTRA_TEST_AZURITE</c> (a connection string, which the
/// test script sets), or one started here on 127.0.0.1 on a free port, installed into <c>.tools/azurite</c> with npm
/// when missing. The account key is Azurite's published development key.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    public const string Variable = "SINTRA_TEST_AZURITE";

    private const string DevelopmentAccount = "devstoreaccount1";

    private const string DevelopmentKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? process;
    private string? dataFolder;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        var binary = await EnsureInstalledAsync();
        var port = FreePort();
        dataFolder = Support.TempFolder.Create("azurite");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     binary, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", dataFolder,
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPortAsync(port);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccount};AccountKey={DevelopmentKey};"
            + $"BlobEndpoint=http://127.0.0.1:{port}/{DevelopmentAccount};";
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (dataFolder is not null)
        {
            Support.TempFolder.TryDelete(dataFolder);
        }
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        var root = RepositoryRoot();
        var tools = Path.Combine(root, ".tools", "azurite");
        var binary = Path.Combine(tools, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (File.Exists(binary))
        {
            return binary;
        }

        Directory.CreateDirectory(tools);
        var install = new ProcessStartInfo("npm")
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "azurite@3.37.0" })
        {
            install.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm did not start.");
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"npm install azurite@3.37.0 failed in {tools}: {await errors}");
        }

        return binary;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Sintra.Hub.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Sintra.Hub.sln not found above the test output.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{port} within 60 s.");
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
