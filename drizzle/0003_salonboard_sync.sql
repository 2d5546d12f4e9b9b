CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`salon_id` integer NOT NULL,
	`direction` text NOT NULL,
	`reservation_id` integer,
	`reason` text NOT NULL,
	`reservation_no` text NOT NULL,
	`reservation_at` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	`resolution` text,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notices_salon_idx` ON `notices` (`salon_id`,`resolved_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `notices_reservation_idx` ON `notices` (`reservation_id`);--> statement-breakpoint
CREATE TABLE `salonboard_connections` (
	`salon_id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`token` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`cursor` text,
	`last_push_at` integer,
	`last_pull_at` integer,
	`last_error` text,
	`last_error_at` integer,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_inbound_events` (
	`salon_id` integer NOT NULL,
	`event_id` text NOT NULL,
	`applied_at` integer NOT NULL,
	PRIMARY KEY(`salon_id`, `event_id`),
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`salon_id` integer NOT NULL,
	`reservation_id` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_error` text,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_outbox_due_idx` ON `sync_outbox` (`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sync_outbox_reservation_idx` ON `sync_outbox` (`reservation_id`,`id`);--> statement-breakpoint
ALTER TABLE `reservations` ADD `origin` text DEFAULT 'app' NOT NULL;--> statement-breakpoint
ALTER TABLE `reservations` ADD `salonboard_no` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `sync_state` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `sync_error` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `salonboard_payload` text;--> statement-breakpoint
ALTER TABLE `reservations` ADD `transcribed_at` integer;--> statement-breakpoint
ALTER TABLE `reservations` ADD `transcribed_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE UNIQUE INDEX `reservations_salonboard_no_uq` ON `reservations` (`salon_id`,`salonboard_no`);--> statement-breakpoint
CREATE INDEX `reservations_sync_idx` ON `reservations` (`salon_id`,`sync_state`);--> statement-breakpoint
CREATE TRIGGER `notices_revision_insert` AFTER INSERT ON `notices` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notices_revision_update` AFTER UPDATE ON `notices` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = NEW.`salon_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `notices_revision_delete` AFTER DELETE ON `notices` BEGIN
  UPDATE `salon_revisions` SET `revision` = `revision` + 1 WHERE `salon_id` = OLD.`salon_id`;
END;
