CREATE TABLE `customer_deletions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`salon_id` integer NOT NULL,
	`deleted_at` integer NOT NULL,
	`deleted_by` integer,
	`reason` text NOT NULL,
	`count` integer NOT NULL,
	`customer_nos` text NOT NULL,
	`cancelled_reservations` integer DEFAULT 0 NOT NULL,
	`ended_contracts` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `plan_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`salon_id` integer NOT NULL,
	`customer_id` integer,
	`plan_id` integer NOT NULL,
	`status` text NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_contracts_customer_idx` ON `plan_contracts` (`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `plan_contracts_salon_idx` ON `plan_contracts` (`salon_id`,`status`);--> statement-breakpoint
ALTER TABLE `customers` ADD `visit_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `first_visit_date` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `last_visit_date` text;--> statement-breakpoint
CREATE INDEX `customers_salon_name_idx` ON `customers` (`salon_id`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `customers_salon_email_idx` ON `customers` (`salon_id`,`email`);--> statement-breakpoint
CREATE INDEX `customers_salon_birthday_idx` ON `customers` (`salon_id`,`birthday`);--> statement-breakpoint
CREATE INDEX `customers_salon_gender_idx` ON `customers` (`salon_id`,`gender`,`customer_no`);--> statement-breakpoint
CREATE INDEX `customers_salon_occupation_idx` ON `customers` (`salon_id`,`occupation`,`customer_no`);--> statement-breakpoint
CREATE INDEX `customers_salon_route_idx` ON `customers` (`salon_id`,`registration_route`,`customer_no`);--> statement-breakpoint
CREATE INDEX `customers_salon_last_visit_idx` ON `customers` (`salon_id`,`last_visit_date`);--> statement-breakpoint
CREATE INDEX `customers_salon_visits_idx` ON `customers` (`salon_id`,`visit_count`);--> statement-breakpoint
CREATE INDEX `customers_salon_caution_idx` ON `customers` (`salon_id`,`caution`,`customer_no`);--> statement-breakpoint
UPDATE `customers` SET
    `visit_count` = (SELECT count(*) FROM `reservations` WHERE `customer_id` = `customers`.`id` AND `status` IN ('visited','paid')),
    `first_visit_date` = (SELECT min(`date`) FROM `reservations` WHERE `customer_id` = `customers`.`id` AND `status` IN ('visited','paid')),
    `last_visit_date` = (SELECT max(`date`) FROM `reservations` WHERE `customer_id` = `customers`.`id` AND `status` IN ('visited','paid'))
  ;
--> statement-breakpoint
CREATE TRIGGER `reservations_visits_insert` AFTER INSERT ON `reservations`
  WHEN NEW.`customer_id` IS NOT NULL AND NEW.`status` IN ('visited','paid') BEGIN
  UPDATE `customers` SET
    `visit_count` = (SELECT count(*) FROM `reservations` WHERE `customer_id` = NEW.`customer_id` AND `status` IN ('visited','paid')),
    `first_visit_date` = (SELECT min(`date`) FROM `reservations` WHERE `customer_id` = NEW.`customer_id` AND `status` IN ('visited','paid')),
    `last_visit_date` = (SELECT max(`date`) FROM `reservations` WHERE `customer_id` = NEW.`customer_id` AND `status` IN ('visited','paid'))
  WHERE `id` = NEW.`customer_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_visits_update` AFTER UPDATE OF `status`, `date`, `customer_id` ON `reservations`
  WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`date` IS NOT NEW.`date` OR OLD.`customer_id` IS NOT NEW.`customer_id` BEGIN
  UPDATE `customers` SET
    `visit_count` = (SELECT count(*) FROM `reservations` WHERE `customer_id` = NEW.`customer_id` AND `status` IN ('visited','paid')),
    `first_visit_date` = (SELECT min(`date`) FROM `reservations` WHERE `customer_id` = NEW.`customer_id` AND `status` IN ('visited','paid')),
    `last_visit_date` = (SELECT max(`date`) FROM `reservations` WHERE `customer_id` = NEW.`customer_id` AND `status` IN ('visited','paid'))
  WHERE `id` = NEW.`customer_id`;
  UPDATE `customers` SET
    `visit_count` = (SELECT count(*) FROM `reservations` WHERE `customer_id` = OLD.`customer_id` AND `status` IN ('visited','paid')),
    `first_visit_date` = (SELECT min(`date`) FROM `reservations` WHERE `customer_id` = OLD.`customer_id` AND `status` IN ('visited','paid')),
    `last_visit_date` = (SELECT max(`date`) FROM `reservations` WHERE `customer_id` = OLD.`customer_id` AND `status` IN ('visited','paid'))
  WHERE `id` = OLD.`customer_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `reservations_visits_delete` AFTER DELETE ON `reservations`
  WHEN OLD.`customer_id` IS NOT NULL AND OLD.`status` IN ('visited','paid') BEGIN
  UPDATE `customers` SET
    `visit_count` = (SELECT count(*) FROM `reservations` WHERE `customer_id` = OLD.`customer_id` AND `status` IN ('visited','paid')),
    `first_visit_date` = (SELECT min(`date`) FROM `reservations` WHERE `customer_id` = OLD.`customer_id` AND `status` IN ('visited','paid')),
    `last_visit_date` = (SELECT max(`date`) FROM `reservations` WHERE `customer_id` = OLD.`customer_id` AND `status` IN ('visited','paid'))
  WHERE `id` = OLD.`customer_id`;
END;
