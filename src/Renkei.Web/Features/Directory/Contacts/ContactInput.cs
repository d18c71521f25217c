using Microsoft.AspNetCore.Mvc.ModelBinding;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>The contact form as posted: validated and normalised here, then copied onto the entity.</summary>
public sealed class ContactInput
{
    public string? Department { get; set; }
    public string? Role { get; set; }
    public string? PersonName { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Hours { get; set; }
    public string? Notes { get; set; }
    public FieldVisibility Visibility { get; set; } = FieldVisibility.Professionals;
    /// <summary>The version the form showed (optimistic concurrency, decision 0005).</summary>
    public long Version { get; set; }

    public static ContactInput From(ProviderContact c) => new()
    {
        Department = c.Department, Role = c.Role, PersonName = c.PersonName, Phone = c.Phone, Fax = c.Fax,
        Email = c.Email, Hours = c.Hours, Notes = c.Notes, Visibility = c.Visibility, Version = c.Version,
    };

    /// <summary>Trims and normalises (phone numbers, e-mail); adds a Japanese message per problem under "Input.&lt;field&gt;".</summary>
    public void Validate(ModelStateDictionary errors)
    {
        Department = Clean(Department); Role = Clean(Role); PersonName = Clean(PersonName);
        Hours = Clean(Hours); Notes = Clean(Notes);
        if (Department is null && PersonName is null && Role is null)
            errors.AddModelError("Input.Department", "部署・役職・担当者名のいずれかを入力してください。");
        Phone = Number(Phone, nameof(Phone), "電話番号", errors);
        Fax = Number(Fax, nameof(Fax), "FAX番号", errors);
        if (Clean(Email) is { } email)
        {
            Email = ContactText.Email(email) ?? email;
            if (ContactText.Email(email) is null) errors.AddModelError("Input.Email", "メールアドレスの形式が正しくありません（例：renkei@example.jp）。");
        }
        else Email = null;
        if (Phone is null && Fax is null && Email is null && errors.IsValid)
            errors.AddModelError("Input.Phone", "電話番号・FAX番号・メールアドレスのいずれかを入力してください。");
        if (!ContactRules.Choices.Contains(Visibility)) errors.AddModelError("Input.Visibility", "公開範囲を選んでください。");
        // The column widths of ProviderContactConfiguration.
        foreach (var (value, field, label, max) in new[]
        {
            (Department, nameof(Department), "部署", 200), (Role, nameof(Role), "役職・職種", 200), (PersonName, nameof(PersonName), "担当者名", 200),
            (Email, nameof(Email), "メールアドレス", 200), (Hours, nameof(Hours), "対応時間", 200), (Notes, nameof(Notes), "備考", 1000),
        })
        {
            if (value is { } v && v.Length > max) errors.AddModelError("Input." + field, $"{label}は{max}文字以内で入力してください。");
        }
    }

    public void ApplyTo(ProviderContact c)
    {
        c.Department = Department; c.Role = Role; c.PersonName = PersonName; c.Phone = Phone; c.Fax = Fax;
        c.Email = Email; c.Hours = Hours; c.Notes = Notes; c.Visibility = Visibility;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Kept as typed when it cannot be read, so the user corrects it instead of retyping it.
    private static string? Number(string? text, string field, string label, ModelStateDictionary errors)
    {
        if (Clean(text) is not { } typed) return null;
        if (ContactText.Phone(typed) is { Length: <= 30 } phone) return phone;
        errors.AddModelError("Input." + field, $"{label}は数字とハイフンで入力してください（例：0857-22-2346）。");
        return typed;
    }
}
