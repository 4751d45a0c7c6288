using AssistantPortal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseApplicationPipeline();
app.Run();

/// <summary>The entry point; public so the tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
