namespace UmbracoPersonalization.Persistence.Tests.Infrastructure;

/// <summary>Theory data: every test that touches a database runs once per provider.</summary>
public static class Providers
{
    public static TheoryData<PersistenceProvider> All => new() { PersistenceProvider.Sqlite, PersistenceProvider.PostgreSql };
}
