using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Services;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Events;
using WhatsApp.Infrastructure.History;
using WhatsApp.Infrastructure.Observability;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Plivo.Signatures;
using WhatsApp.Infrastructure.Privacy;
using WhatsApp.Infrastructure.Simulator;
using WhatsApp.Infrastructure.Users;
using WhatsApp.Infrastructure.Webhooks;

namespace WhatsApp.Infrastructure;

public static class DependencyInjection
{
    public const string DatabaseHealthCheckName = "database";
    public const string PlivoHealthCheckName = "plivo";

    /// <summary>Persistence, the outbox dispatcher, the messaging provider and the domain services.</summary>
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddOptions<PlivoOptions>().BindConfiguration(PlivoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlivoOptions>, PlivoOptionsValidator>();
        services.AddPlivoWebhookOptions();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>();

        // A stop (SIGTERM) lets the dispatcher's requests in flight finish: the host must wait longer than one attempt.
        services.AddOptions<HostOptions>().Configure<IOptions<DispatchOptions>>((host, dispatch) => host.ShutdownTimeout = dispatch.Value.ShutdownTimeout);
        var database = AddDatabase(services, configuration, environment);
        services.TryAddSingleton(TimeProvider.System);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            ReadClockToTheMicrosecond(services);
        }

        AddUnitOfWork(services, database.Provider);
        services.AddInboxUsers();
        services.AddMetrics();
        services.AddSingleton(sp => new GatewayMetrics(
            sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<IDbContextFactory<WhatsAppDbContext>>(),
            sp.GetRequiredService<IWriteBacklog>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMessageRepository, MessageRepository>();
        services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<IOutbox>(sp => new MeteredOutbox(sp.GetRequiredService<OutboxStore>(), sp.GetRequiredService<GatewayMetrics>()));
        services.AddSingleton<IContactRepository, ContactRepository>();
        services.AddSingleton<IHistoryReader, HistoryReader>();
        services.AddSingleton(sp => new WebhookPolicy(sp.GetRequiredService<IOptions<PlivoWebhookOptions>>().Value.NonceReplayWindow));
        services.AddSingleton<IWebhookReader, PlivoWebhookReader>();
        services.AddSingleton<IWebhookObserver, WebhookObserver>();
        services.AddSingleton<IWebhookReceiptQueries, WebhookReceiptQueries>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton(sp => new SendingPolicy(sp.GetRequiredService<IOptions<MessagingOptions>>().Value.CustomerServiceWindow));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<ISenderPacer, SharedSenderPacer>();
        }
        else
        {
            services.AddSingleton<ISenderPacer, SenderPacer>();
        }

        services.AddSingleton<ISenderDirectory, SenderDirectory>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<IDispatchSignal>(sp => new MeteredDispatchSignal(sp.GetRequiredService<DispatchSignal>(), sp.GetRequiredService<GatewayMetrics>()));
        services.AddSingleton(sp => ToPolicy(sp.GetRequiredService<IOptions<DispatchOptions>>().Value));
        services.AddScoped<MessageSendingService>();
        services.AddScoped<MessageResendingService>();
        services.AddScoped<ConversationActions>();
        services.AddScoped<MessageDispatcher>();
        services.AddOptions<DatabaseReadinessOptions>().BindConfiguration(DatabaseReadinessOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseReadinessOptions>, DatabaseReadinessOptionsValidator>();
        services.AddSingleton<DatabaseReadinessProbe>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheckName, tags: ["ready"]);

        AddMessagingProvider(services, configuration);
        services.AddHostedService<ProviderStartupLog>();
        services.AddHostedService<MaintenanceWorker>();
        services.AddHostedService<StatusSweepWorker>();
        services.AddPrivacy();
        services.AddEvents();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<SearchIndexWorker>();
        }

        if (configuration.GetValue($"{DispatchOptions.SectionName}:{nameof(DispatchOptions.Enabled)}", true))
        {
            services.AddHostedService<DispatchWorker>();
        }

        return services;
    }

    /// <summary>SQLite: one writer, so units share a group commit. PostgreSQL: several group commits at once.</summary>
    private static void AddUnitOfWork(IServiceCollection services, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(sp => new PostgresUnitOfWork(
                sp.GetRequiredService<IDbContextFactory<WhatsAppDbContext>>(), sp.GetRequiredService<ILogger<WriteQueue>>()));
            services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<PostgresUnitOfWork>());
            services.AddSingleton<IWriteBacklog>(sp => sp.GetRequiredService<PostgresUnitOfWork>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresUnitOfWork>());
            return;
        }

        services.AddSingleton<WriteQueue>();
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<WriteQueue>());
        services.AddSingleton<IWriteBacklog>(sp => sp.GetRequiredService<WriteQueue>());

        // Registered first so it starts before, and stops after, everything that writes through it.
        services.AddHostedService(sp => sp.GetRequiredService<WriteQueue>());
    }

    private static DatabaseOptions AddDatabase(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = DatabaseOptions.Read(configuration);
        services.AddSingleton(Options.Create(database));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            AddContext<PostgresWhatsAppDbContext>(services, options => options.UseNpgsql(WithAutoPrepare(database.ConnectionString)));
            return database;
        }

        var connectionString = SqliteConnectionStrings.Resolve(database.ConnectionString, environment.ContentRootPath);
        AddContext<SqliteWhatsAppDbContext>(services, options => options.UseSqlite(connectionString));
        return database;
    }

    // Statements the unit of work sends in batches (WriteSession.DeferAsync) are not prepared by hand: Npgsql prepares
    // those it sees often, unless the connection string says otherwise.
    private static string? WithAutoPrepare(string? connectionString) =>
        connectionString is null || connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;

    // Wraps whichever clock is registered (the framework may have added one already).
    private static void ReadClockToTheMicrosecond(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(TimeProvider));
        services.Remove(registered);
        services.AddSingleton<TimeProvider>(sp => new MicrosecondTimeProvider(registered.ImplementationInstance as TimeProvider
            ?? registered.ImplementationFactory?.Invoke(sp) as TimeProvider
            ?? TimeProvider.System));
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : WhatsAppDbContext
    {
        services.AddDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<WhatsAppDbContext>, WhatsAppDbContextFactory<TContext>>();
        services.AddScoped<WhatsAppDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    private static void AddMessagingProvider(IServiceCollection services, IConfiguration configuration)
    {
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        var plivo = configuration.GetSection(PlivoOptions.SectionName).Get<PlivoOptions>() ?? new PlivoOptions();
        if (ProviderSelection.Resolve(messaging, plivo) == ProviderSelection.Simulator)
        {
            services.AddSingleton<SimulatorStatusFeed>();
            services.AddSingleton<IMessagingProvider, SimulatorMessagingProvider>();
            services.AddHostedService<SimulatorStatusWorker>();
            return;
        }

        services.AddPlivoMessaging();
        services.AddHealthChecks().AddCheck<PlivoCircuitHealthCheck>(PlivoHealthCheckName, tags: ["ready"]);
        services.AddTransient<IMessagingProvider>(sp => sp.GetRequiredService<PlivoMessagingProvider>());
    }

    private static DispatchPolicy ToPolicy(DispatchOptions options) => new()
    {
        MaxAttempts = options.MaxAttempts,
        RetryWindow = options.RetryWindow,
        BaseDelay = options.RetryBaseDelay,
        MaxDelay = options.RetryMaxDelay,
        BatchSize = options.BatchSize,
        MaxConcurrency = options.MaxConcurrency,
    };
}
