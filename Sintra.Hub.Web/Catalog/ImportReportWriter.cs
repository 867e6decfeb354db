using Sintra.Hub.Core.Catalog.Import;

namespace Sintra.Hub.Web.Catalog;

/// <summary>Prints an import preview as plain text: counts, then each error with its line.</summary>
public static class ImportReportWriter
{
    public static void Write(TextWriter output, ImportPreview preview)
    {
        output.WriteLine($"Import {preview.ImportId}");
        output.WriteLine(
            $"Products: {preview.Count(ImportChange.Create)} to create, {preview.Count(ImportChange.Update)} to update, "
            + $"{preview.Count(ImportChange.Unchanged)} unchanged");
        output.WriteLine(
            $"Variants: {preview.CountVariants(ImportChange.Create)} to create, "
            + $"{preview.CountVariants(ImportChange.Update)} to update, "
            + $"{preview.CountVariants(ImportChange.Unchanged)} unchanged");
        output.WriteLine($"Images: {preview.ImageCount}");
        output.WriteLine($"Stock counts to set: {preview.QuantityChanges}");
        output.WriteLine($"Skipped rows: {preview.SkippedRows}");

        if (!preview.HasErrors)
        {
            return;
        }

        output.WriteLine($"Errors: {preview.Errors.Count}");
        foreach (var error in preview.Errors)
        {
            var column = error.Column is null ? string.Empty : $" [{error.Column}]";
            var value = error.Value is null ? string.Empty : $" '{error.Value}'";
            var line = error.Line > 0 ? $"line {error.Line}" : "file";
            output.WriteLine($"  {line}{column}{value}: {error.Message}");
        }
    }
}
