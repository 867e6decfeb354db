using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Tests.Browser;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Pim;

/// <summary>The product edit page in Chromium: save, a conflict between two tabs, translations and history.</summary>
public sealed class ProductEditBrowserTests : IAsyncLifetime
{
    private BrowserSession session = null!;
    private Guid productId;

    public async Task InitializeAsync()
    {
        session = await BrowserSession.StartAsync();
        await using var db = session.Factory.CreateDbContext();
        var kit = new PimKit(db);
        await kit.ImportTemplateAsync();
        var channel = new SalesChannel { Name = "Negozio Shopify", ShopDomain = "negozio.myshopify.com" };
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        Assert.Null(await kit.Settings.AddAttributeAsync("material", "Materiale", "Material", AttributeType.Text, true, [], default));
        Assert.Null(await kit.Settings.AddPriceListAsync("Listino IT", "EUR", channel.Id, default));
        Assert.Null(await kit.Settings.AddSupplierAsync("filati", "Filati Brianza Srl", default));
        await kit.Settings.SaveRuleAsync(channel.Id, "en", ["material"], [TranslatedFields.Title, TranslatedFields.DescriptionHtml], default);
        productId = (await db.Products.SingleAsync(p => p.Handle == "felpa-cotone")).Id;
    }

    public async Task DisposeAsync() => await session.DisposeAsync();

    [Fact]
    public async Task EditConflictTranslationsAndHistory()
    {
        var path = $"/products/{productId}/edit";
        var first = await session.SignInAsync(path);
        var second = await session.SignInAsync(path);

        await Input(first, "field-title").FillAsync("Felpa in cotone biologico");
        await Input(first, "field-title").PressAsync("Tab");
        await first.ClickAsync("[data-testid='save']");
        await first.Locator("[data-testid='saved']").WaitForAsync();
        await BrowserSession.ScreenshotAsync(first, "pim-product-edit.png");

        await Input(second, "field-title").FillAsync("Titolo dalla seconda scheda");
        await Input(second, "field-title").PressAsync("Tab");
        await second.ClickAsync("[data-testid='save']");
        await second.Locator("[data-testid='conflict']").WaitForAsync();
        await BrowserSession.ScreenshotAsync(second, "pim-product-conflict.png");

        await first.GetByRole(AriaRole.Tab, new() { Name = "Traduzioni" }).ClickAsync();
        var englishTitle = Input(first, "tr-en-title");
        await englishTitle.FillAsync("Organic cotton sweatshirt");
        await englishTitle.PressAsync("Tab");
        await BrowserSession.ScreenshotAsync(first, "pim-product-translations.png");
        await first.ClickAsync("[data-testid='save']");
        await first.Locator("[data-testid='saved']", new() { HasText = "3" }).WaitForAsync();

        await first.GetByRole(AriaRole.Tab, new() { Name = "Cronologia" }).ClickAsync();
        await first.Locator("[data-testid='history']").WaitForAsync();
        await first.ClickAsync("[data-testid='compare']");
        var diff = first.Locator("[data-testid='diff']");
        await diff.WaitForAsync();
        var diffText = await diff.InnerTextAsync();
        await BrowserSession.ScreenshotAsync(first, "pim-product-history.png");

        await first.ClickAsync("[data-testid='restore-1']");
        await first.ClickAsync("[data-testid='restore-yes']");
        await first.Locator("[data-testid='history'] tr", new() { HasText = "Ripristino" }).WaitForAsync();

        Assert.Contains("title@en", diffText);
        Assert.Contains("Organic cotton sweatshirt", diffText);
        await using var db = session.Factory.CreateDbContext();
        var product = await db.Products.SingleAsync(p => p.Id == productId);
        Assert.Equal("Felpa in cotone", product.Title);
        var versions = await db.ProductVersions.Where(v => v.ProductId == productId).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2, 3, 4], versions.Select(v => v.Number));
        Assert.Equal(TestUsers.AdminEmail, versions[1].Author);
        Assert.Equal(VersionSourceKinds.Restore, versions[3].SourceKind);
        Assert.Equal("1", versions[3].SourceReference);
        Assert.DoesNotContain(versions, v => v.Snapshot.Contains("Titolo dalla seconda scheda", StringComparison.Ordinal));
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;
}
