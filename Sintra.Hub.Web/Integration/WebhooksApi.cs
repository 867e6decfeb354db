using Microsoft.AspNetCore.Http.HttpResults;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Infrastructure.Integration;

namespace Sintra.Hub.Web.Integration;

/// <summary>Webhook subscription endpoints; the signing secret is returned once, by the create call.</summary>
public static class WebhooksApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks").RequireScope(ApiScopes.WebhooksManage);
        group.MapGet("/", ListAsync).WithSummary("List webhook subscriptions");
        group.MapPost("/", CreateAsync)
            .WithSummary("Subscribe a URL to events; the response carries the signing secret, shown only this once");
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change URL, events or the enabled switch");
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a subscription and its delivery log");
    }

    private static async Task<Ok<List<WebhookDto>>> ListAsync(WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok((await webhooks.ListAsync(cancellationToken)).Select(WebhookDto.From).ToList());

    private static async Task<Results<Created<WebhookCreatedDto>, ValidationProblem>> CreateAsync(
        WebhookInput input, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var change = await webhooks.CreateAsync(input.Url, input.Events ?? [], cancellationToken);
        if (change.Errors.Count > 0)
        {
            return Invalid(change.Errors);
        }

        var created = new WebhookCreatedDto(WebhookDto.From(change.Subscription!), change.Secret!);
        return TypedResults.Created($"/api/v1/webhooks/{created.Subscription.Id}", created);
    }

    private static async Task<Results<Ok<WebhookDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, WebhookInput input, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var change = await webhooks.UpdateAsync(id, input.Url, input.Events ?? [], input.Enabled ?? true, cancellationToken);
        if (change is null)
        {
            return ApiProblems.NotFound($"No webhook subscription has the id {id}.");
        }

        return change.Errors.Count > 0 ? Invalid(change.Errors) : TypedResults.Ok(WebhookDto.From(change.Subscription!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, WebhookService webhooks, CancellationToken cancellationToken) =>
        await webhooks.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"No webhook subscription has the id {id}.");

    private static ValidationProblem Invalid(IReadOnlyList<string> errors) =>
        ApiProblems.Validation(new Dictionary<string, string[]>
        {
            ["url"] = errors.Where(e => !e.Contains("event", StringComparison.OrdinalIgnoreCase)).ToArray(),
            ["events"] = errors.Where(e => e.Contains("event", StringComparison.OrdinalIgnoreCase)).ToArray(),
        }.Where(e => e.Value.Length > 0).ToDictionary());
}

public sealed record WebhookDto(
    Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason, DateTime CreatedAt)
{
    public static WebhookDto From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventList, s.IsEnabled, s.DisabledReason, s.CreatedAt);
}

/// <summary>A new subscription and its signing secret, which the hub never returns again.</summary>
public sealed record WebhookCreatedDto(WebhookDto Subscription, string Secret);

public sealed class WebhookInput
{
    /// <summary>Absolute http or https URL of the receiver.</summary>
    public string? Url { get; set; }

    /// <summary>Event types: order.created, order.shipped, stock.changed.</summary>
    public List<string>? Events { get; set; }

    /// <summary>On update only: false pauses deliveries; true resumes them. Missing means true.</summary>
    public bool? Enabled { get; set; }
}
