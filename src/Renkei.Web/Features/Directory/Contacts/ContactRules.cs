namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>
/// Who sees a contact: every signed-in user sees "関係者のみ" contacts; "市区町村内部のみ" ones only
/// readers of the provider's municipality — the rule of the provider page's internal fields
/// (<see cref="Export.DirectoryEntries.Visible"/>). Contacts are never public, whatever is stored.
/// </summary>
public static class ContactRules
{
    /// <summary>The choices offered on the form: residents never see contacts, so "住民に公開" is not one.</summary>
    public static readonly FieldVisibility[] Choices = [FieldVisibility.Professionals, FieldVisibility.Internal];

    public static bool Visible(ProviderContact contact, bool seesInternal) =>
        seesInternal || contact.Visibility != FieldVisibility.Internal;

    /// <summary>How a contact is named in messages, buttons and the history: 部署, else 役職, else the person.</summary>
    public static string Label(ProviderContact c) => c.Department ?? c.Role ?? c.PersonName ?? "";

    public static string Japanese(FieldVisibility visibility) =>
        visibility == FieldVisibility.Internal ? "市区町村内部のみ" : "関係者のみ";
}
