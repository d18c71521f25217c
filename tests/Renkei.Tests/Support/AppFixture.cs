namespace Renkei.Tests.Support;

/// <summary>One app with the <see cref="TestWorld"/> seeded, shared by the tests of a collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public RenkeiFactory Factory { get; private set; } = null!;
    public Dictionary<string, int> Orgs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Factory = new RenkeiFactory(Database);
        _ = Factory.Server; // starts the app: migrations and reference data
        Orgs = await TestWorld.SeedAsync(Factory);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
