using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Pim;

public sealed class CompletenessTests
{
    [Fact]
    public async Task RulesListMissingItems()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var kit = new PimKit(db, database.CreateDbContext);
        await kit.ImportTemplateAsync();
        var italian = new SalesChannel { Name = "Negozio IT", ShopDomain = "it.myshopify.com" };
        var english = new SalesChannel { Name = "Shop EN", ShopDomain = "en.myshopify.com" };
        db.Channels.AddRange(italian, english);
        await db.SaveChangesAsync();
        Assert.Null(await kit.Settings.AddAttributeAsync("material", "Materiale", "Material", AttributeType.Text, true, [], default));
        Assert.Null(await kit.Settings.AddAttributeAsync("season", "Stagione", "Season", AttributeType.List, false, [("fw", "Autunno", "Autumn")], default));
        await kit.Settings.SaveRuleAsync(italian.Id, "it", ["material", "season"], [TranslatedFields.Title, TranslatedFields.SeoTitle], default);
        await kit.Settings.SaveRuleAsync(english.Id, "en", ["material"], [TranslatedFields.Title], default);
        var felpa = await db.Products.SingleAsync(p => p.Handle == "felpa-cotone");
        var material = await db.CatalogAttributes.SingleAsync(a => a.Code == "material");
        db.AttributeValues.Add(new AttributeValue { ProductId = felpa.Id, AttributeId = material.Id, Locale = "it", Value = "Cotone" });
        await db.SaveChangesAsync();

        var reports = (await kit.Completeness.EvaluateAsync([felpa.Id], null, default))[felpa.Id];

        var it = reports.Single(r => r.ChannelId == italian.Id);
        Assert.Equal(4, it.Required);
        Assert.Equal(
            [new MissingItem(CompletenessItemKind.Text, TranslatedFields.SeoTitle), new MissingItem(CompletenessItemKind.Attribute, "season")],
            it.Missing);
        Assert.Equal(50, it.Percent);
        var en = reports.Single(r => r.ChannelId == english.Id);
        Assert.Equal(
            [new MissingItem(CompletenessItemKind.Text, TranslatedFields.Title), new MissingItem(CompletenessItemKind.Attribute, "material")],
            en.Missing);
        Assert.False(await kit.Completeness.IsCompleteAsync(felpa.Id, english.Id, default));

        db.CatalogTranslations.Add(new CatalogTranslation
        {
            EntityKind = TranslatedEntity.Product, EntityId = felpa.Id, Locale = "en", Field = TranslatedFields.Title, Value = "Cotton sweatshirt",
        });
        db.AttributeValues.Add(new AttributeValue { ProductId = felpa.Id, AttributeId = material.Id, Locale = "en", Value = "Cotton" });
        await db.SaveChangesAsync();

        Assert.True(await kit.Completeness.IsCompleteAsync(felpa.Id, english.Id, default));
        Assert.False(await kit.Completeness.IsCompleteAsync(felpa.Id, italian.Id, default));
    }
}
