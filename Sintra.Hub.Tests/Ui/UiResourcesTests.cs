using System.Collections;
using System.Globalization;
using System.Resources;
using UiText = Sintra.Hub.Web.Resources.Ui;

namespace Sintra.Hub.Tests.Ui;

public sealed class UiResourcesTests
{
    [Fact]
    public void ItalianAndEnglishHaveSameKeys()
    {
        var resources = new ResourceManager("Sintra.Hub.Web.Resources.Ui", typeof(UiText).Assembly);

        var english = Keys(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var italian = Keys(resources.GetResourceSet(CultureInfo.GetCultureInfo("it"), createIfNotExists: true, tryParents: false));

        Assert.NotEmpty(english);
        Assert.Equal(english, italian);
    }

    [Fact]
    public void ItalianTextsDifferFromFallback()
    {
        var resources = new ResourceManager("Sintra.Hub.Web.Resources.Ui", typeof(UiText).Assembly);

        Assert.Equal("Ordini", resources.GetString("Orders", CultureInfo.GetCultureInfo("it")));
        Assert.Equal("Orders", resources.GetString("Orders", CultureInfo.GetCultureInfo("en")));
    }

    private static SortedSet<string> Keys(ResourceSet? set)
    {
        Assert.NotNull(set);
        var keys = set.Cast<DictionaryEntry>().Select(e => (string)e.Key);
        return new SortedSet<string>(keys, StringComparer.Ordinal);
    }
}
