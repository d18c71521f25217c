using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// The stored provenance of a provider's fields (FieldMetaStorage): grouped by provenance, read back field by field,
/// and the earlier one-object-per-field form still read, from a string and from a row of the database.
/// </summary>
public sealed class FieldMetaStorageTests : IAsyncLifetime
{
    private static readonly FieldMeta Public = new(DataSource.IryojohoNet, new DateOnly(2025, 6, 1), null, false, FieldVisibility.Public);
    private static readonly FieldMeta Professionals = new(DataSource.IryojohoNet, new DateOnly(2025, 6, 1), null, false, FieldVisibility.Professionals);
    private static readonly FieldMeta Edited = new(DataSource.Manual, null, "鳥取市 在宅医療係", true, FieldVisibility.Internal);

    // As an earlier version stored it (copied from a database written before the grouped form).
    private const string EarlierForm =
        "{\"Name\":{\"Source\":2,\"AsOf\":\"2025-06-01\",\"ConfirmedBy\":null,\"HandEdited\":false,\"Visibility\":1},"
        + "\"Email\":{\"Source\":2,\"AsOf\":\"2025-06-01\",\"Visibility\":2},"
        + "\"Phone\":{\"Source\":5,\"ConfirmedBy\":\"鳥取市 在宅医療係\",\"HandEdited\":true,\"Visibility\":3}}";

    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private static Dictionary<string, FieldMeta> Sample() => new()
    {
        ["Name"] = Public, ["NameKana"] = Public, ["Address"] = Public, ["Email"] = Professionals,
        ["Phone"] = Edited, ["Url"] = Public, ["Fax"] = Professionals,
    };

    [Fact]
    public void Fields_are_stored_once_per_provenance_and_read_back_each_with_its_own()
    {
        var json = FieldMetaStorage.Serialize(Sample());

        Assert.Equal(3, json.Split("\"Source\"").Length - 1); // three provenances, seven fields
        Assert.Contains("\"Fields\":[\"Name\",\"NameKana\",\"Address\",\"Url\"]", json, StringComparison.Ordinal);
        var read = FieldMetaStorage.Deserialize(json);
        Assert.Equal(Sample().OrderBy(e => e.Key, StringComparer.Ordinal), read.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_map_round_trips()
    {
        Assert.Empty(FieldMetaStorage.Deserialize(FieldMetaStorage.Serialize([])));
    }

    [Fact]
    public void The_earlier_form_is_still_read()
    {
        var read = FieldMetaStorage.Deserialize(EarlierForm);

        Assert.Equal(3, read.Count);
        Assert.Equal(new FieldMeta(DataSource.IryojohoNet, new DateOnly(2025, 6, 1), null, false, FieldVisibility.Public), read["Name"]);
        Assert.Equal(FieldVisibility.Professionals, read["Email"].Visibility);
        Assert.Equal(Edited, read["Phone"]);
    }

    [Fact]
    public async Task A_row_in_the_earlier_form_reads_the_same_and_is_written_in_the_grouped_form_when_saved()
    {
        int id;
        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var p = new Provider { Name = "テスト病院", PrefectureCode = "31", MunicipalityCode = "312011", Kind = ProviderKind.Hospital, FieldMeta = Sample() };
            db.Providers.Add(p);
            await db.SaveChangesAsync();
            id = p.Id;
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Providers\" SET \"FieldMeta\" = {EarlierForm} WHERE \"Id\" = {id}");
        }

        (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var p = await db.Providers.SingleAsync(x => x.Id == id);
            Assert.Equal(FieldMetaStorage.Deserialize(EarlierForm), p.FieldMeta);
            p.FieldMeta["Url"] = Public;
            p.FieldMeta = new(p.FieldMeta);
            await db.SaveChangesAsync();
        }

        (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var stored = await db.Database.SqlQuery<string>($"SELECT \"FieldMeta\" AS \"Value\" FROM \"Providers\" WHERE \"Id\" = {id}").SingleAsync();
            Assert.StartsWith("[", stored, StringComparison.Ordinal);
            var p = await db.Providers.SingleAsync(x => x.Id == id);
            Assert.Equal(4, p.FieldMeta.Count);
            Assert.Equal(Public, p.FieldMeta["Url"]);
            Assert.True(p.FieldMeta["Phone"].HandEdited);
        }
    }
}
