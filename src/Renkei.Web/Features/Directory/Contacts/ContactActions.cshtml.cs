using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>
/// Delete and reorder, posted from the contacts section of the provider page; every answer goes
/// back there. Same rule as editing: whoever may edit the provider.
/// </summary>
public sealed class ContactActionsModel(RenkeiDb db) : PageModel
{
    // A repeated post (FormOnceFilter) or a typed URL lands here with GET: show the provider.
    public IActionResult OnGet(int id) => Back(id);

    public async Task<IActionResult> OnPostDeleteAsync(int id, int contactId, long version)
    {
        if (await Check(id) is { } stop) return stop;
        if (await db.ProviderContacts.SingleOrDefaultAsync(c => c.Id == contactId && c.ProviderId == id) is not { } contact)
        {
            TempData["Message"] = "この連絡窓口は、すでに削除されています。";
            return Back(id);
        }
        contact.ProviderMunicipalityCode = _municipality;
        TempData["Message"] = await Concurrency.TryDeleteAsync(db, contact, version, HttpContext.RequestAborted)
            ? $"連絡窓口「{ContactRules.Label(contact)}」を削除しました。"
            : Concurrency.Message;
        return Back(id);
    }

    /// <summary>Moves one contact up or down. The order is renumbered 0, 1, 2… each time, which also heals ties from two moves at once.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int contactId, bool up)
    {
        if (await Check(id) is { } stop) return stop;
        var contacts = await db.ProviderContacts.Where(c => c.ProviderId == id).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        var index = contacts.FindIndex(c => c.Id == contactId);
        var other = up ? index - 1 : index + 1;
        if (index >= 0 && other >= 0 && other < contacts.Count)
        {
            (contacts[index], contacts[other]) = (contacts[other], contacts[index]);
            for (var i = 0; i < contacts.Count; i++)
            {
                contacts[i].ProviderMunicipalityCode = _municipality;
                if (contacts[i].SortOrder != i) contacts[i].SortOrder = i;
            }
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Message"] = Concurrency.Message;
            }
        }
        return Back(id);
    }

    private RedirectResult Back(int id) => Redirect($"/directory/{id}#contacts");

    // The provider's municipality, read by Check: the audit files the contact's changes under it.
    private string? _municipality;

    private async Task<IActionResult?> Check(int id)
    {
        var provider = await db.Providers.Where(p => p.Id == id).Select(p => new { p.MunicipalityCode }).SingleOrDefaultAsync();
        if (provider is null) return NotFound();
        _municipality = provider.MunicipalityCode;
        return db.Scope.CanWrite(provider.MunicipalityCode) ? null : Forbid();
    }
}
