using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;
using Renkei.Web.Features.Demo;

namespace Renkei.Tests.Councils;

/// <summary>The rules under the pages: file recognition, balance counting, and the demo council.</summary>
public sealed class CouncilRulesTests
{
    [Theory]
    [InlineData("a.docx", "word/document.xml", true)]
    [InlineData("a.xlsx", "xl/workbook.xml", true)]
    [InlineData("a.pptx", "ppt/presentation.xml", true)]
    [InlineData("a.docx", "xl/workbook.xml", false)]   // an Excel file renamed .docx
    [InlineData("a.xlsx", "payload.bin", false)]        // any zip renamed .xlsx
    public void Office_files_are_recognised_by_their_package_not_by_the_zip_signature_alone(string name, string entry, bool accepted)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(entry);
        }
        var (type, error) = AttachmentTypes.Check(name, buffer.ToArray());
        Assert.Equal(accepted, error is null);
        Assert.Equal(accepted, type is not null);
    }

    [Theory]
    [InlineData("写真.JPG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, "image/jpeg")]
    [InlineData("図.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, "image/png")]
    [InlineData("旧様式.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00 }, "application/vnd.ms-excel")]
    [InlineData("名簿.csv", new byte[] { 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x2C, 0x31, 0x0D, 0x0A }, "text/csv")] // テスト,1 in Shift_JIS
    public void Allowed_types_are_recognised_with_the_content_type_they_are_served_with(string name, byte[] bytes, string expected) =>
        Assert.Equal((expected, (string?)null), AttachmentTypes.Check(name, bytes));

    [Theory]
    [InlineData("メモ.txt", new byte[] { 0x41, 0x00, 0x42 })]
    [InlineData("画像.png", new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData("空.pdf", new byte[0])]
    public void Binaries_or_mismatched_content_are_refused(string name, byte[] bytes) =>
        Assert.NotNull(AttachmentTypes.Check(name, bytes).Error);

    [Theory]
    [InlineData("C:\\Users\\担当\\議事録.docx", "議事録.docx")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("資料\u0007.pdf", "資料.pdf")]
    public void Stored_names_keep_no_folders_or_control_characters(string posted, string stored) =>
        Assert.Equal(stored, AttachmentTypes.CleanName(posted));

    [Fact]
    public void Attendance_is_counted_by_group_with_every_group_listed_and_a_missing_side_warned()
    {
        var balance = AttendanceBalance.Of([Profession.Physician, Profession.Physician, Profession.Dentist, Profession.Administration, Profession.Resident]);
        Assert.Equal(5, balance.Total);
        Assert.Equal([(ProfessionGroup.Medical, 3), (ProfessionGroup.Care, 0), (ProfessionGroup.Public, 1), (ProfessionGroup.Other, 1)], balance.Groups);
        Assert.Equal([(Profession.Physician, 2), (Profession.Dentist, 1), (Profession.Administration, 1), (Profession.Resident, 1)], balance.Professions);
        Assert.Equal("介護職の出席がありません。", balance.Warning);
        Assert.Null(AttendanceBalance.Of([Profession.Nurse, Profession.CareManager]).Warning);
        Assert.Null(AttendanceBalance.Of([]).Warning);
    }

    [Fact]
    public async Task The_demo_council_is_a_marked_sample_with_about_fifteen_bodies_and_two_meetings_and_seeding_twice_adds_nothing()
    {
        using var database = new TestDatabase();
        await using var factory = new RenkeiFactory(database);
        Assert.NotNull(factory.Server);
        for (var i = 0; i < 2; i++)
        {
            var (scope, seedDb) = factory.SystemDb();
            await using (scope) await DemoCouncil.SeedAsync(seedDb);
        }
        var (s, db) = factory.SystemDb();
        await using var _ = s;
        var council = await db.Councils.Include(c => c.Members).Include(c => c.Meetings).ThenInclude(m => m.Attendance).SingleAsync(c => c.Name == DemoCouncil.Name);
        Assert.Equal(DemoSeeder.TottoriCity, council.MunicipalityCode);
        Assert.InRange(council.Members.Count, 14, 20);
        Assert.All(council.Members, m => Assert.Null(m.PersonName));
        Assert.Equal(2, council.Meetings.Count);
        Assert.All(council.Meetings, m => Assert.Contains("サンプル", m.Title, StringComparison.Ordinal));
        Assert.All(council.Meetings, m => Assert.NotEmpty(m.Attendance));
        Assert.Equal(2, await db.Councils.CountAsync());
        Assert.Contains("サンプル", (await db.Councils.SingleAsync(c => c.ParentId == council.Id)).Name, StringComparison.Ordinal);
    }
}
