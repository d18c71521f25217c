using System.Reflection;
using Renkei.Web.Platform;
using Renkei.Web.Platform.Cli;

// One executable, two uses: `dotnet run` serves the app; `dotnet run -- <command>` runs an operation (see `help`).
var command = CliCommand.Parse(args);
try
{
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
}
catch (Exception e) when (StartupException.Within(e) is { } problem && Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // A setting or file the operator must fix: the message names it; a stack trace would bury it. Only when this is the
    // process's own entry point: a host that runs Main in its process (the tests' WebApplicationFactory) gets the exception.
    await Console.Error.WriteLineAsync($"Renkei を起動できません: {problem.Message}");
    return 1;
}

/// <summary>Entry point type, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
