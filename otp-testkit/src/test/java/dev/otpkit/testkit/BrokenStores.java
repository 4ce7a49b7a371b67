package dev.otpkit.testkit;

import dev.otpkit.backup.BackupCodeStore;
import dev.otpkit.core.AttemptLimiter;
import dev.otpkit.core.AttemptLimiter.Attempt;
import dev.otpkit.core.OneTimeCodeStore;
import dev.otpkit.core.PendingCode;
import dev.otpkit.core.ReplayGuard;
import dev.otpkit.core.StoreFullException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stores with one deliberate bug each, and the contract run against each of them, for
 * {@link KitCatchesBrokenStoresTest} to show that the kit fails them. Each wraps an in-memory
 * store and breaks one thing, so that every other test of its contract still passes. The racy
 * ones call {@link Race#rendezvous()} between their check and their act: every racer checks
 * before any acts, so they lose every race, not now and then.
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** A replay guard that answers from a check made before, and apart from, its update. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class CheckThenActReplayGuard extends BoundedReplayGuardContract {
        @Override
        protected ReplayGuard newGuard(Clock clock, int maxEntries) {
            ReplayGuard inner = ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build();
            return new ReplayGuard() {
                @Override
                public boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
                    boolean replayed = inner.hasAccepted(accountId, authenticatorId, step);
                    Race.rendezvous();
                    inner.tryAccept(accountId, authenticatorId, step, keepUntil);
                    return !replayed;
                }

                @Override
                public boolean hasAccepted(String accountId, String authenticatorId, long step) {
                    return inner.hasAccepted(accountId, authenticatorId, step);
                }
            };
        }
    }

    /** A replay guard that ignores its bound: it never fills, yet is run as a bounded one. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class NeverFullReplayGuard extends BoundedReplayGuardContract {
        @Override
        protected ReplayGuard newGuard(Clock clock, int maxEntries) {
            return ReplayGuard.inMemoryBuilder().clock(clock).build();
        }
    }

    /** Not broken: the same guard without a bound, run as one, which has no bound test to run. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class UnboundedReplayGuard extends ReplayGuardContract {
        @Override
        protected ReplayGuard newGuard(Clock clock) {
            return ReplayGuard.inMemoryBuilder().clock(clock).build();
        }
    }

    /**
     * Not broken: a guard that keeps the interface's default {@code hasAccepted} ("not known")
     * and says so.
     */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class DefaultHasAcceptedReplayGuard extends ReplayGuardContract {
        @Override
        protected ReplayGuard newGuard(Clock clock) {
            ReplayGuard inner = ReplayGuard.inMemoryBuilder().clock(clock).build();
            return inner::tryAccept;
        }

        @Override
        protected boolean answersHasAccepted() {
            return false;
        }
    }

    /** A guard that answers {@code hasAccepted} from its memory, yet says it keeps the default. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class MisdeclaredHasAcceptedReplayGuard extends UnboundedReplayGuard {
        @Override
        protected boolean answersHasAccepted() {
            return false;
        }
    }

    /** A limiter that forgets an account's failures after a day without attempts. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class ForgetfulAttemptLimiter extends BoundedAttemptLimiterContract {
        @Override
        protected AttemptLimiter newLimiter(Clock clock, Policy policy, int maxEntries) {
            AttemptLimiter inner = InMemoryAttemptLimiterTest.inMemory(clock, policy, maxEntries);
            ConcurrentMap<String, Instant> lastAttempts = new ConcurrentHashMap<>();
            return new AttemptLimiter() {
                @Override
                public Attempt beginAttempt(String accountId) {
                    Instant last = lastAttempts.put(accountId, clock.instant());
                    if (last != null && !clock.instant().isBefore(last.plus(Duration.ofDays(1)))) {
                        inner.recordSuccess(accountId);
                    }
                    return inner.beginAttempt(accountId);
                }

                @Override
                public void recordSuccess(String accountId) {
                    inner.recordSuccess(accountId);
                }
            };
        }
    }

    /** A code store whose put keeps the code already pending instead of replacing it. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class KeepFirstCodeStore extends BoundedOneTimeCodeStoreContract {
        @Override
        protected OneTimeCodeStore newStore(Clock clock, int maxEntries) {
            OneTimeCodeStore inner = OneTimeCodeStore.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build();
            ConcurrentMap<List<String>, String> pending = new ConcurrentHashMap<>();
            return new OneTimeCodeStore() {
                @Override
                public void put(PendingCode code) {
                    List<String> key = List.of(code.accountId(), code.scope());
                    if (pending.putIfAbsent(key, code.issueId()) != null) {
                        return;
                    }
                    try {
                        inner.put(code);
                    } catch (StoreFullException full) {
                        pending.remove(key, code.issueId());
                        throw full;
                    }
                }

                @Override
                public Optional<PendingCode> claimAttempt(String accountId, String scope) {
                    return inner.claimAttempt(accountId, scope);
                }

                @Override
                public boolean remove(String accountId, String scope, String issueId) {
                    boolean removed = inner.remove(accountId, scope, issueId);
                    if (removed) {
                        pending.remove(List.of(accountId, scope), issueId);
                    }
                    return removed;
                }
            };
        }
    }

    /** A code store that counts attempts by reading the count, then writing it plus one. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class ReadThenWriteAttemptCodeStore extends BoundedOneTimeCodeStoreContract {
        @Override
        protected OneTimeCodeStore newStore(Clock clock, int maxEntries) {
            OneTimeCodeStore inner = OneTimeCodeStore.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build();
            ConcurrentMap<List<String>, Integer> attempts = new ConcurrentHashMap<>();
            return new OneTimeCodeStore() {
                @Override
                public void put(PendingCode code) {
                    inner.put(code);
                    attempts.put(List.of(code.accountId(), code.scope()), 0);
                }

                @Override
                public Optional<PendingCode> claimAttempt(String accountId, String scope) {
                    List<String> key = List.of(accountId, scope);
                    Optional<PendingCode> code = inner.claimAttempt(accountId, scope);
                    int before = attempts.getOrDefault(key, 0);
                    Race.rendezvous();
                    attempts.put(key, before + 1);
                    return code.map(pending -> pending.withAttempts(before + 1));
                }

                @Override
                public boolean remove(String accountId, String scope, String issueId) {
                    return inner.remove(accountId, scope, issueId);
                }
            };
        }
    }

    /** A backup-code store that answers a remove from a look at the set made before removing. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class CheckThenRemoveBackupCodeStore extends BoundedBackupCodeStoreContract {
        @Override
        protected BackupCodeStore newStore(int maxEntries) {
            BackupCodeStore inner = BackupCodeStore.inMemoryBuilder().maxEntries(maxEntries).build();
            return new BackupCodeStore() {
                @Override
                public void replace(String accountId, List<String> hashes) {
                    inner.replace(accountId, hashes);
                }

                @Override
                public List<String> hashes(String accountId) {
                    return inner.hashes(accountId);
                }

                @Override
                public boolean remove(String accountId, String hash) {
                    boolean present = inner.hashes(accountId).contains(Objects.requireNonNull(hash, "hash"));
                    Race.rendezvous();
                    inner.remove(accountId, hash);
                    return present;
                }
            };
        }
    }

    /** A replay guard that cuts ids to 255 chars instead of refusing the longer ones. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class CuttingReplayGuard extends BoundedReplayGuardContract {
        @Override
        protected ReplayGuard newGuard(Clock clock, int maxEntries) {
            return mapIds(ReplayGuard.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build(),
                    id -> id.length() > Ids.LONGEST_KEPT ? id.substring(0, Ids.LONGEST_KEPT) : id);
        }
    }

    /**
     * Not broken: a limiter that refuses, as the SPI lets it, every account id beyond 255 chars
     * of well-formed Unicode without U+0000, as a database store does.
     */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class RefusingAttemptLimiter extends BoundedAttemptLimiterContract {
        @Override
        protected AttemptLimiter newLimiter(Clock clock, Policy policy, int maxEntries) {
            return mapIds(InMemoryAttemptLimiterTest.inMemory(clock, policy, maxEntries), id -> refuseUnkeepable(id, false));
        }
    }

    /** A code store that refuses the ids the SPI lets it refuse, but quotes them in its message. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class QuotingRefusalCodeStore extends BoundedOneTimeCodeStoreContract {
        @Override
        protected OneTimeCodeStore newStore(Clock clock, int maxEntries) {
            return mapIds(OneTimeCodeStore.inMemoryBuilder().clock(clock).maxEntries(maxEntries).build(),
                    id -> refuseUnkeepable(id, true));
        }
    }

    /** A backup-code store that refuses ids over 200 chars, which every store must keep. */
    @ExtendWith(RunOnlyToProveTheKit.class)
    static class ShortIdBackupCodeStore extends BoundedBackupCodeStoreContract {
        @Override
        protected BackupCodeStore newStore(int maxEntries) {
            return mapIds(BackupCodeStore.inMemoryBuilder().maxEntries(maxEntries).build(), id -> {
                if (id.length() > 200) {
                    throw new IllegalArgumentException("ids must be at most 200 chars");
                }
                return id;
            });
        }
    }

    /**
     * Refuses an id that the SPIs let a store refuse, with an {@link IllegalArgumentException}
     * that quotes it if {@code quote}.
     */
    private static String refuseUnkeepable(String id, boolean quote) {
        if (Ids.mayBeRefused(id)) {
            throw new IllegalArgumentException("ids must be at most 255 chars of Unicode without U+0000"
                    + (quote ? ", was " + id : ""));
        }
        return id;
    }

    /** The guard that passes every id, null refused, through {@code ids} on its way to {@code inner}. */
    private static ReplayGuard mapIds(ReplayGuard inner, UnaryOperator<String> ids) {
        UnaryOperator<String> map = nonNull(ids);
        return new ReplayGuard() {
            @Override
            public boolean tryAccept(String accountId, String authenticatorId, long step, Instant keepUntil) {
                return inner.tryAccept(map.apply(accountId), map.apply(authenticatorId), step, keepUntil);
            }

            @Override
            public boolean hasAccepted(String accountId, String authenticatorId, long step) {
                return inner.hasAccepted(map.apply(accountId), map.apply(authenticatorId), step);
            }
        };
    }

    /** The limiter that passes every account id, null refused, through {@code ids}. */
    private static AttemptLimiter mapIds(AttemptLimiter inner, UnaryOperator<String> ids) {
        UnaryOperator<String> map = nonNull(ids);
        return new AttemptLimiter() {
            @Override
            public Attempt beginAttempt(String accountId) {
                return inner.beginAttempt(map.apply(accountId));
            }

            @Override
            public void recordSuccess(String accountId) {
                inner.recordSuccess(map.apply(accountId));
            }
        };
    }

    /** The code store that passes every id of its calls and codes, null refused, through {@code ids}. */
    private static OneTimeCodeStore mapIds(OneTimeCodeStore inner, UnaryOperator<String> ids) {
        UnaryOperator<String> map = nonNull(ids);
        return new OneTimeCodeStore() {
            @Override
            public void put(PendingCode code) {
                inner.put(new PendingCode(map.apply(code.accountId()), map.apply(code.scope()), map.apply(code.issueId()),
                        code.hash(), code.issuedAt(), code.expiresAt(), code.attempts()));
            }

            @Override
            public Optional<PendingCode> claimAttempt(String accountId, String scope) {
                return inner.claimAttempt(map.apply(accountId), map.apply(scope));
            }

            @Override
            public boolean remove(String accountId, String scope, String issueId) {
                return inner.remove(map.apply(accountId), map.apply(scope), map.apply(issueId));
            }
        };
    }

    /** The backup-code store that passes every account id and hash, null refused, through {@code ids}. */
    private static BackupCodeStore mapIds(BackupCodeStore inner, UnaryOperator<String> ids) {
        UnaryOperator<String> map = nonNull(ids);
        return new BackupCodeStore() {
            @Override
            public void replace(String accountId, List<String> hashes) {
                inner.replace(map.apply(accountId), hashes.stream().map(map).toList());
            }

            @Override
            public List<String> hashes(String accountId) {
                return inner.hashes(map.apply(accountId));
            }

            @Override
            public boolean remove(String accountId, String hash) {
                return inner.remove(map.apply(accountId), map.apply(hash));
            }
        };
    }

    private static UnaryOperator<String> nonNull(UnaryOperator<String> ids) {
        return id -> ids.apply(Objects.requireNonNull(id, "id"));
    }
}
