import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { DeskController } from './desk.controller';

@Module({ controllers: [CalendarController, DeskController] })
export class CalendarModule {}
