using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Sweeps;
using Sweeps.Grains.Telemetry;
using Sweeps.Hosting;
using Sweeps.Hosting.Telemetry;

namespace Sweeps.Observability.Tests;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_the_OTEL_variables_for_http_protobuf_a_silo_exports_the_sweeps_spans_to_an_OTLP_receiver()
    {
        var requests = new ConcurrentQueue<(string? ContentType, byte[] Body)>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            requests.Enqueue((request.ContentType, body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Urls.Single();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRICS_EXPORTER"] = "none",
            ["OTEL_SERVICE_NAME"] = "sweeps-otlp-probe",
        });
        builder.AddSweepsTelemetry("unused-default");
        var ports = LoopbackPorts.Free(2);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports[0], ports[1], serviceId: "otlp", clusterId: "otlp")
            .UseSweeps(new SweepsSiloOptions { Engine = new() { ExecutorThreads = 2 } }));
        builder.Services.AddSingleton<ITrialEvaluator, KnownEvaluator>();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var definition = KnownEvaluator.Definition("exported-sweep", [10], ["plain"], 4);
            var final = await host.Services.GetRequiredService<IClusterClient>().RunAsync(definition, cancellation: timeout.Token);
            Assert.Equal(SweepStatus.Completed, final.Status);
            await Task.Delay(200); // the last trial span ends after its report
            await host.StopAsync(); // disposing the host flushes the batch exporter
        }

        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal("application/x-protobuf", r.ContentType));
        var bytes = Encoding.UTF8.GetString(requests.SelectMany(r => r.Body).ToArray());
        foreach (var expected in new[] { SweepsTelemetry.SweepSpan, SweepsTelemetry.DispatchSpan, SweepsTelemetry.CellSpan, SweepsTelemetry.TrialSpan, SweepsAttributes.Seed, "exported-sweep", "sweeps-otlp-probe" })
            Assert.Contains(expected, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("unused-default", bytes, StringComparison.Ordinal);
    }
}
