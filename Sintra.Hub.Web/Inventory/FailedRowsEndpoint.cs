using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Web.Resources;

namespace Sintra.Hub.Web.Inventory;

/// <summary>
/// <c>GET /stock/import/uploads/{file}/failed-rows.csv</c>: the failed records of an uploaded stock file, checked
/// again against the current stock, with the error in an extra column.
/// </summary>
public static class FailedRowsEndpoint
{
    public static void MapStockImport(this WebApplication app)
    {
        app.MapGet("/stock/import/uploads/{file}/failed-rows.csv", DownloadAsync)
            .RequireAuthorization(policy => policy.RequireRole(StockImportRegistration.PageRoles.Split(',')));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound, ProblemHttpResult>> DownloadAsync(
        string file,
        Guid profile,
        string? countedAt,
        StockImportFiles files,
        StockImportProfileService profiles,
        StockImportPlanner planner,
        IStockFileReader reader,
        StockImportMessages messages,
        IStringLocalizer<StockImportText> text,
        CancellationToken cancellationToken)
    {
        if (file != Path.GetFileName(file) || !File.Exists(Path.Combine(files.Folder, file)))
        {
            return TypedResults.NotFound();
        }

        var found = await profiles.FindAsync(profile, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(
                $"Import profile {profile} does not exist. Choose a profile and upload the file again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var time = DateTime.UtcNow;
        const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (countedAt is not null && !DateTime.TryParse(countedAt, CultureInfo.InvariantCulture, utc, out time))
        {
            return TypedResults.Problem(
                $"countedAt '{countedAt}' is not a valid time. Use ISO 8601, for example 2026-03-02T08:00:00Z.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        StockImportPreview preview;
        await using (var content = files.Open(file))
        {
            preview = await planner.PlanAsync(found, reader.ReadAsync(content, found, cancellationToken), time, cancellationToken);
        }

        string lineColumn = text["FailedRowsLine"];
        string errorColumn = text["FailedRowsError"];
        return TypedResults.Stream(
            body => FailedRowsCsvWriter.WriteAsync(
                body, preview, found.Delimiter, lineColumn, errorColumn, messages.Describe, cancellationToken),
            "text/csv; charset=utf-8",
            "failed-rows.csv");
    }
}
