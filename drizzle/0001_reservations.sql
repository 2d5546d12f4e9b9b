CREATE TABLE `capacity_overrides` (
	`salon_id` integer NOT NULL,
	`date` text NOT NULL,
	`slot_minute` integer NOT NULL,
	`capacity` integer NOT NULL,
	PRIMARY KEY(`salon_id`, `date`, `slot_minute`),
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`salon_id` integer NOT NULL,
	`number` integer NOT NULL,
	`customer_id` integer,
	`staff_id` integer,
	`facility_id` integer,
	`menu_id` integer,
	`menu_name` text DEFAULT '' NOT NULL,
	`menu_content` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`start_minute` integer NOT NULL,
	`duration_min` integer NOT NULL,
	`end_minute` integer NOT NULL,
	`status` text NOT NULL,
	`route` text NOT NULL,
	`visit_memo` text DEFAULT '' NOT NULL,
	`received_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`salon_id`) REFERENCES `salons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`facility_id`) REFERENCES `facilities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`menu_id`) REFERENCES `menus`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reservations_salon_number_uq` ON `reservations` (`salon_id`,`number`);--> statement-breakpoint
CREATE INDEX `reservations_salon_date_idx` ON `reservations` (`salon_id`,`date`,`start_minute`);--> statement-breakpoint
CREATE INDEX `reservations_customer_idx` ON `reservations` (`customer_id`,`date`);--> statement-breakpoint
CREATE INDEX `reservations_staff_idx` ON `reservations` (`staff_id`,`date`);--> statement-breakpoint
CREATE INDEX `reservations_facility_idx` ON `reservations` (`facility_id`,`date`);--> statement-breakpoint
CREATE INDEX `reservations_menu_idx` ON `reservations` (`menu_id`);--> statement-breakpoint
CREATE INDEX `reservations_salon_received_idx` ON `reservations` (`salon_id`,`received_at`);