using Renkei.Web.Platform;
using Renkei.Web.Platform.Cli;

// One executable, two uses: `dotnet run` serves the app; `dotnet run -- <command>` runs an operation (see `help`).
var command = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);
builder.AddRenkei();
var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app.Services);
}

await app.InitialiseAsync();
app.UseRenkeiPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
