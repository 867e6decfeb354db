namespace Sintra.Hub.Web.Resources;

/// <summary>Marker type of <c>Ui.resx</c> and <c>Ui.it.resx</c>: the texts of the layout, sign-in, home, orders and inbox.</summary>
public sealed class Ui;
