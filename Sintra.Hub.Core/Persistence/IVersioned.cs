namespace Sintra.Hub.Core.Persistence;

/// <summary>
/// An entity that two people or two workers can change at the same time. <see cref="HubDbContext"/>
/// increments <see cref="Version"/> on every save and uses it as the optimistic concurrency token,
/// so a stale write fails with <c>DbUpdateConcurrencyException</c> instead of overwriting.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
