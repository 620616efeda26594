using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Stores <see cref="DateTimeOffset"/> as a UTC <see cref="DateTime"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => value.UtcDateTime,
    value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
