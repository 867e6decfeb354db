using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Web.Integration;

/// <summary>Catalog endpoints: list, get by id, handle or SKU, create, and update guarded by <c>If-Match</c>.</summary>
public static class ProductsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products");
        group.MapGet("/", ListAsync).RequireScope(ApiScopes.ProductsRead)
            .WithSummary("List products ordered by handle, with cursor paging and filters");
        group.MapGet("/{id:guid}", GetByIdAsync).RequireScope(ApiScopes.ProductsRead).WithName("GetProduct")
            .WithSummary("Get a product by id");
        group.MapGet("/by-handle/{handle}", GetByHandleAsync).RequireScope(ApiScopes.ProductsRead)
            .WithSummary("Get a product by its URL handle");
        group.MapGet("/by-sku/{sku}", GetBySkuAsync).RequireScope(ApiScopes.ProductsRead)
            .WithSummary("Get the product that has a variant with this SKU");
        group.MapPost("/", CreateAsync).RequireScope(ApiScopes.ProductsWrite)
            .WithSummary("Create a product with its variants");
        group.MapPut("/{id:guid}", UpdateAsync).RequireScope(ApiScopes.ProductsWrite)
            .WithSummary("Update a product; send the ETag of the last read in If-Match");
    }

    private static async Task<Results<Ok<Page<ProductDto>>, ValidationProblem>> ListAsync(
        HttpContext context,
        HubDbContext db,
        int? limit,
        string? after,
        ProductStatus? status,
        string? vendor,
        string? search,
        DateTime? updatedSince,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (ApiPaging.CheckLimit(limit) is { } limitError)
        {
            errors["limit"] = [limitError];
        }

        string? afterHandle = null;
        if (after is not null && (afterHandle = ApiPaging.Decode(after)) is null)
        {
            errors["after"] = [$"after '{after}' is not a cursor of this list; pass the value from 'next' unchanged."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var size = limit ?? ApiPaging.DefaultLimit;
        var query = db.Products.AsNoTracking().Include(p => p.Variants).AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(p => p.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(vendor))
        {
            query = query.Where(p => p.Vendor == vendor);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(p => p.Title.Contains(search) || p.Handle.Contains(search));
        }

        if (updatedSince is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(p => p.UpdatedAt >= utc);
        }

        if (afterHandle is not null)
        {
            query = query.Where(p => string.Compare(p.Handle, afterHandle) > 0);
        }

        var rows = await query.OrderBy(p => p.Handle).Take(size + 1).AsSplitQuery().ToListAsync(cancellationToken);
        var next = rows.Count > size ? ApiPaging.NextUrl(context.Request, ApiPaging.Encode(rows[size - 1].Handle)) : null;
        ApiPaging.AddLink(context.Response, next);
        return TypedResults.Ok(new Page<ProductDto>(rows.Take(size).Select(ProductDto.From).ToList(), next));
    }

    private static Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetByIdAsync(
        Guid id, HttpContext context, HubDbContext db, CancellationToken cancellationToken) =>
        GetAsync(context, db.Products.Where(p => p.Id == id), $"No product has the id {id}.", cancellationToken);

    private static Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetByHandleAsync(
        string handle, HttpContext context, HubDbContext db, CancellationToken cancellationToken) =>
        GetAsync(context, db.Products.Where(p => p.Handle == handle),
            $"No product has the handle '{handle}'.", cancellationToken);

    private static Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetBySkuAsync(
        string sku, HttpContext context, HubDbContext db, CancellationToken cancellationToken) =>
        GetAsync(context, db.Products.Where(p => p.Variants.Any(v => v.Sku == sku)),
            $"No variant has the SKU '{sku}'.", cancellationToken);

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetAsync(
        HttpContext context,
        IQueryable<Product> query,
        string notFound,
        CancellationToken cancellationToken)
    {
        var product = await query.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return ApiProblems.NotFound(notFound);
        }

        context.Response.Headers.ETag = ETag(product);
        return TypedResults.Ok(ProductDto.From(product));
    }

    private static async Task<Results<Created<ProductDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProductInput input,
        HttpContext context,
        HubDbContext db,
        [FromServices] IProductVersioning versioning,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (await ConflictAsync(db, input, null, cancellationToken) is { } conflict)
        {
            return ApiProblems.Conflict(conflict);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var product = new Product { Handle = input.Handle!.Trim(), Title = input.Title!.Trim(), CreatedAt = now };
        input.ApplyTo(product, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        await versioning.CaptureAsync(product.Id, Source(context), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        context.Response.Headers.ETag = ETag(product);
        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductDto.From(product));
    }

    private static async Task<Results<Ok<ProductDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        ProductInput input,
        HttpContext context,
        HubDbContext db,
        [FromServices] IProductVersioning versioning,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "Precondition Required",
                "The If-Match header is missing; send the ETag of the product as last read, for example If-Match: \"3\".");
        }

        var product = await db.Products.Include(p => p.Variants).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return ApiProblems.NotFound($"No product has the id {id}.");
        }

        if (ifMatch != "*" && ifMatch != ETag(product))
        {
            return ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed",
                $"If-Match {ifMatch} does not match the current ETag {ETag(product)}; read the product again and "
                + "reapply the change.");
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (await ConflictAsync(db, input, product.Id, cancellationToken) is { } conflict)
        {
            return ApiProblems.Conflict(conflict);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        product.Handle = input.Handle!.Trim();
        product.Title = input.Title!.Trim();
        input.ApplyTo(product, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed",
                "The product changed while this update ran; read it again and reapply the change.");
        }

        await versioning.CaptureAsync(product.Id, Source(context), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.Response.Headers.ETag = ETag(product);
        return TypedResults.Ok(ProductDto.From(product));
    }

    /// <summary>Returns a strong ETag from the product's concurrency version.</summary>
    public static string ETag(Product product) => $"\"{product.Version}\"";

    private static VersionSource Source(HttpContext context) =>
        new(VersionSourceKinds.Api, context.User.Identity?.Name);

    private static async Task<string?> ConflictAsync(
        HubDbContext db,
        ProductInput input,
        Guid? productId,
        CancellationToken cancellationToken)
    {
        var handle = input.Handle!.Trim();
        if (await db.Products.AnyAsync(p => p.Handle == handle && p.Id != productId, cancellationToken))
        {
            return $"The handle '{handle}' belongs to another product; choose another handle.";
        }

        var skus = (input.Variants ?? []).Select(v => v.Sku).Where(s => !string.IsNullOrEmpty(s)).ToList();
        var taken = await db.Variants.AsNoTracking()
            .Where(v => v.Sku != null && skus.Contains(v.Sku) && v.ProductId != productId)
            .Select(v => v.Sku).ToListAsync(cancellationToken);
        var clash = taken.FirstOrDefault(t => skus.Contains(t, StringComparer.Ordinal));
        return clash is null ? null : $"The SKU '{clash}' belongs to a variant of another product; use another SKU.";
    }
}
