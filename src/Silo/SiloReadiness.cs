using Sweeps.Grains.Execution;

namespace Sweeps.Silo;

/// <summary>
/// Readiness of this silo: it is an Active member of the cluster (joined, not shutting down) and its
/// trial executor accepts trials. Liveness is the HTTP endpoint answering at all.
/// </summary>
internal sealed class SiloReadiness(IServiceProvider services)
{
    /// <summary>Null when ready, else why not.</summary>
    public string? NotReadyReason()
    {
        // Resolved late: the silo's services exist only once the host has built them.
        var local = services.GetService(typeof(ILocalSiloDetails)) as ILocalSiloDetails;
        var membership = services.GetService(typeof(IClusterMembershipService)) as IClusterMembershipService;
        var executor = services.GetService(typeof(TrialExecutor)) as TrialExecutor;
        if (local is null || membership is null || executor is null)
            return "the silo is starting";
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        if (status != SiloStatus.Active)
            return $"membership status {status}";
        return executor.IsAccepting ? null : "the trial executor is stopping";
    }
}
